import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from "react";
import { type Api, apiClient } from "../api/client";
import { type Session, sessionOf } from "./claims";
import { userManager } from "./oidc";
import type { ConsoleSettings } from "./settings";

interface SessionContext {
  settings: ConsoleSettings;
  session: Session | null;
  api: Api;
  /** Starts a session from an access token (the OIDC callback, the development sign-in). */
  begin(accessToken: string): boolean;
  signOut(): Promise<void>;
}

const Context = createContext<SessionContext | null>(null);

/** Holds the access token in memory only: a reload means signing in again (silently at the IdP). */
export function SessionProvider(props: { settings: ConsoleSettings; children: ReactNode }) {
  const { settings } = props;
  const [session, setSession] = useState<Session | null>(null);
  const token = useRef<string | undefined>(undefined);
  const api = useMemo(() => apiClient(() => token.current), []);

  const begin = useCallback((accessToken: string) => {
    const next = sessionOf(accessToken);
    token.current = next?.accessToken;
    setSession(next ?? null);
    return next !== undefined;
  }, []);

  const signOut = useCallback(async () => {
    token.current = undefined;
    setSession(null);
    if (settings.oidc) await (await userManager(settings.oidc)).removeUser();
  }, [settings.oidc]);

  const value = useMemo(
    () => ({ settings, session, api, begin, signOut }),
    [settings, session, api, begin, signOut],
  );
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const context = useContext(Context);
  if (!context) throw new Error("useSession needs a SessionProvider");
  return context;
}

/** The signed-in session; screens behind sign-in use this one. */
export function useSignedIn(): SessionContext & { session: Session } {
  const context = useSession();
  if (!context.session) throw new Error("useSignedIn outside a signed-in screen");
  return context as SessionContext & { session: Session };
}
