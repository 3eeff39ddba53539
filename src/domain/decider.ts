/** JSON as events travel through the store (structurally the same as the store's Json). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An event as the domain produces it: plain JSON the store can append as it is. */
export type DomainEvent<Type extends string, Data extends { [key: string]: Json }> = {
  type: Type;
  data: Data;
};

/**
 * A decider (Chassaing's pattern): the generic command handler folds the stream with
 * `evolve` from `initialState`, then asks `decide` for new events. All three are pure.
 */
export type Decider<Command, Event, State, Context> = {
  initialState: State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State, context: Context) => Event[];
};
