import "server-only";
import { headers } from "next/headers";

/** The client's IP as the nearest proxy reports it; "unknown" when there is none. */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
}
