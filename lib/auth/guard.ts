import { ApiError } from "../api-errors";
import type { SessionUser } from "./session";

/** Admin-only work: anonymous callers are UNAUTHENTICATED, signed-in non-admins FORBIDDEN. */
export function requireAdmin(user: SessionUser | undefined): SessionUser {
  if (!user) throw new ApiError("UNAUTHENTICATED", "sign in as an admin first");
  if (user.role !== "admin") throw new ApiError("FORBIDDEN", "this needs an admin account");
  return user;
}
