import { NotFoundMessage } from "@/components/not-found-message";

export const metadata = { title: "Page not found" };

/**
 * notFound() in a public page lands here, inside app/(public)/layout.tsx,
 * which already draws the header, <main id="main"> and footer: so only the
 * content. Without this file the root not-found (which draws its own shell)
 * was used and the page had two headers and two mains.
 */
export default function PublicNotFound() {
  return (
    <div className="container narrow">
      <NotFoundMessage />
    </div>
  );
}
