/**
 * @deprecated Kept while every action moves to lib/action.ts (defineAction)
 * and every lib/ module to lib/errors.ts; import from those instead.
 */
import { InvalidError } from "@/lib/errors";

export { fieldErrors, formValues, handleForm, type FormState } from "@/lib/action";

/** @deprecated Throw InvalidError (lib/errors.ts): lib/ must not throw a UI type. */
export class FormError extends InvalidError {
  get errors(): Record<string, string> {
    return this.fields;
  }
}
