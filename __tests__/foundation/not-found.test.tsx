jest.mock("next/server", () => ({ connection: async () => undefined }));

import { render, screen } from "@testing-library/react";
import RootNotFound from "@/app/not-found";
import PublicLayout from "@/app/(public)/layout";

/**
 * notFound() inside the public site renders the (public) group's not-found
 * inside the public layout, which already draws the header, <main id="main">
 * and footer; the root not-found (unmatched URLs) draws the shell itself.
 */
describe("404 pages", () => {
  it("inside the public site: one header, one main, one footer, the message once", async () => {
    const { default: PublicNotFound } = await import("@/app/(public)/not-found");
    render(await PublicLayout({ children: <PublicNotFound /> }));
    expect(screen.getAllByRole("banner")).toHaveLength(1);
    expect(screen.getAllByRole("main")).toHaveLength(1);
    expect(screen.getAllByRole("contentinfo")).toHaveLength(1);
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Page not found");
    expect(screen.getAllByText(/We could not find the page you asked for/)).toHaveLength(1);
    expect(screen.getByRole("link", { name: /search the newsroom/i })).toHaveAttribute("href", "/search");
  });

  it("for a URL outside every route group: the root not-found draws the shell once", () => {
    render(<RootNotFound />);
    expect(screen.getAllByRole("banner")).toHaveLength(1);
    expect(screen.getAllByRole("main")).toHaveLength(1);
    expect(screen.getByRole("main")).toHaveAttribute("id", "main");
    expect(screen.getAllByText(/We could not find the page you asked for/)).toHaveLength(1);
  });
});
