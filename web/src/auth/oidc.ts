import type { UserManager } from "oidc-client-ts";
import type { ConsoleSettings } from "./settings";

export const CALLBACK_PATH = "/aanmelden/terug";

let manager: Promise<UserManager> | undefined;

/**
 * The OIDC client: authorization code flow with PKCE. Tokens live in memory only; the
 * session store keeps just the PKCE verifier and state across the redirect, and the
 * client removes them when the callback is handled.
 */
export function userManager(oidc: NonNullable<ConsoleSettings["oidc"]>): Promise<UserManager> {
  manager ??= import("oidc-client-ts").then(
    ({ UserManager, WebStorageStateStore, InMemoryWebStorage }) =>
      new UserManager({
        authority: oidc.issuer,
        client_id: oidc.clientId,
        scope: oidc.scope,
        redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
        post_logout_redirect_uri: `${window.location.origin}/aanmelden`,
        response_type: "code",
        userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
        stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
        automaticSilentRenew: true,
        // Renewal uses the refresh token; a hidden iframe would need frame-src in the CSP.
        monitorSession: false,
        loadUserInfo: false,
      }),
  );
  return manager;
}

let completed: Promise<string> | undefined;

/**
 * Redeems the code the provider returned, once however often the callback screen mounts, and
 * hands every renewed access token to `onToken` (renewal uses the refresh token, in memory).
 */
export function completeSignIn(
  oidc: NonNullable<ConsoleSettings["oidc"]>,
  onToken: (accessToken: string) => void,
): Promise<string> {
  completed ??= userManager(oidc).then(async (manager) => {
    const user = await manager.signinRedirectCallback();
    manager.events.addUserLoaded((renewed) => onToken(renewed.access_token));
    return user.access_token;
  });
  return completed;
}
