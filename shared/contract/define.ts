import type { z } from 'zod';

declare const resultType: unique symbol;

/**
 * One method of the API: the zod schema its input must pass, and (as a type only) what it
 * returns. The result type is carried by a phantom property so that the contract stays a plain
 * object of schemas at run time.
 */
export interface MethodDef<Input extends z.ZodType, Result> {
  readonly input: Input;
  readonly summary: string;
  readonly [resultType]?: Result;
}

export function method<Input extends z.ZodType>(input: Input, summary: string) {
  return {
    returns<Result>(): MethodDef<Input, Result> {
      return { input, summary };
    },
  };
}
