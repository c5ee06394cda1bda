import { render, screen, within } from "@testing-library/react";
import { renderToStaticMarkup } from "react-dom/server";
import NotFound from "@/app/not-found";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";

// The root layout waits for a request (connection()) so every page gets its CSP nonce.
jest.mock("next/server", () => ({ connection: async () => undefined }));

describe("site shell", () => {
  it("names the university and offers the main navigation", () => {
    render(<SiteHeader siteName="University of Harrowgate" />);
    expect(screen.getByRole("banner")).toHaveTextContent("University of Harrowgate");
    const nav = screen.getByRole("navigation", { name: "Main" });
    const labels = within(nav).getAllByRole("link").map((a) => a.textContent);
    expect(labels).toEqual(["News", "Expert comment", "Events", "Open days", "Search"]);
    expect(within(nav).getByRole("link", { name: "Expert comment" })).toHaveAttribute("href", "/news?type=expert-comment");
  });

  it("has a back-to-top link in the footer", () => {
    render(<SiteFooter siteName="University of Harrowgate" mediaEmail="press@example.ac.uk" />);
    expect(screen.getByRole("link", { name: "Back to top" })).toHaveAttribute("href", "#top");
    expect(screen.getByRole("link", { name: "press@example.ac.uk" })).toHaveAttribute("href", "mailto:press@example.ac.uk");
  });

  it("renders a 404 page in the site's style with one heading and a way on", () => {
    render(<NotFound />);
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Page not found");
    expect(screen.getByRole("main")).toHaveAttribute("id", "main");
    expect(screen.getByRole("link", { name: /search the newsroom/i })).toHaveAttribute("href", "/search");
    expect(screen.getByRole("link", { name: "Back to top" })).toBeInTheDocument();
  });
});

describe("root layout", () => {
  it("makes 'Skip to content' the first link, pointing at the main landmark", async () => {
    const { default: RootLayout } = await import("@/app/layout");
    const html = renderToStaticMarkup(await RootLayout({ children: <main id="main">content</main> }));
    const firstLink = /<a[^>]*>([^<]*)<\/a>/.exec(html);
    expect(firstLink?.[1]).toBe("Skip to content");
    expect(firstLink?.[0]).toContain('href="#main"');
    expect(html).toContain('<body id="top">');
  });
});
