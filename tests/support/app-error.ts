import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/** The AppError a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function expectAppError(
  promise: Promise<unknown>,
  code: AppError["code"],
): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}
