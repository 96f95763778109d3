/**
 * The types every handler module shares. Kept apart from handlers.ts (which joins the modules)
 * so a module can type itself against the contract without importing the join that imports it.
 */
import type { MethodName, MethodResult, ParsedInput } from '@shared/contract';
import type { ApiContext } from './context';

export type Handler<M extends MethodName> = (ctx: ApiContext, input: ParsedInput<M>) => MethodResult<M> | Promise<MethodResult<M>>;

/** One handler per method of the whole contract. */
export type HandlerMap = { [M in MethodName]: Handler<M> };

/**
 * One handler per method of a contract map (`typeof rosterMethods`): a method of the map without
 * a handler, or a handler for a method the map does not have, is a type error.
 */
export type HandlersOf<Methods> = { [M in keyof Methods & MethodName]: Handler<M> };
