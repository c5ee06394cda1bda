// jsdom has no TextEncoder, which next/cache loads at import.
jest.mock("@/app/editor/media/actions", () => ({ uploadMediaAction: jest.fn(), updateMediaAction: jest.fn() }));
jest.mock("@/app/editor/stories/import/actions", () => ({ importSnippetAction: jest.fn() }));

import { render, screen, within } from "@testing-library/react";
import MediaDetailsPage from "@/app/editor/media/[id]/page";
import MediaLibraryPage from "@/app/editor/media/page";
import ImportStoryPage from "@/app/editor/stories/import/page";
import * as s from "@/db/schema";
import { currentSessionUser } from "@/lib/auth/session";
import { createMedia, createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { setPathname } from "../helpers/stubs/next-navigation";

beforeEach(() => setPathname("/editor/media"));

const signIn = (u: s.User | null) =>
  (currentSessionUser as jest.Mock).mockResolvedValue(u && { id: u.id, email: u.email, name: u.name, role: u.role });

function seedMedia(uploadedBy: number, altText: string, extra: Partial<s.NewMedia> = {}): Promise<s.Media> {
  return createMedia({
    fileName: "0123456789abcdef0123456789abcdef.jpg",
    url: "/uploads/0123456789abcdef0123456789abcdef.jpg",
    mimeType: "image/jpeg",
    bytes: 2048,
    width: 1200,
    height: 800,
    altText,
    variants: [{ width: 480, url: "/uploads/0123456789abcdef0123456789abcdef-480.webp" }],
    uploadedBy,
    ...extra,
  });
}

beforeEach(() => freshDb());

describe("media library page", () => {
  it("shows a contributor their own images with caption and credit, and a labelled upload form", async () => {
    const me = await createUser();
    await seedMedia(me.id, "Mine: a heron", { caption: "By the weir", credit: "Photo: Jo Bloggs", rightsExpireAt: Date.UTC(2020, 0, 1) });
    await seedMedia((await createUser()).id, "Someone else's");
    signIn(me);
    render(await MediaLibraryPage({ searchParams: Promise.resolve({}) }));

    expect(screen.getByRole("heading", { level: 1, name: "Media library" })).toBeInTheDocument();
    expect(screen.getByLabelText("Image file")).toHaveAttribute("type", "file");
    expect(screen.getByLabelText("Alt text (required)")).toBeInTheDocument();
    expect(screen.getByLabelText("Rights expire on (optional)")).toHaveAttribute("type", "date");
    const grid = screen.getByRole("list");
    expect(within(grid).getByRole("img", { name: "Mine: a heron" })).toHaveAttribute("src", "/uploads/0123456789abcdef0123456789abcdef-480.webp");
    expect(within(grid).getByText("By the weir")).toBeInTheDocument();
    expect(within(grid).getByText("Credit: Photo: Jo Bloggs")).toBeInTheDocument();
    expect(within(grid).getByText(/Rights expired 1st January 2020/)).toBeInTheDocument();
    expect(screen.queryByText("Someone else's")).not.toBeInTheDocument();
  });

  it("answers not-found for a junk page number", async () => {
    signIn(await createUser());
    await expect(MediaLibraryPage({ searchParams: Promise.resolve({ page: "-1" }) })).rejects.toThrow("NEXT_NOT_FOUND");
  });

  it("sends a signed-out visitor to sign in", async () => {
    signIn(null);
    await expect(MediaLibraryPage({ searchParams: Promise.resolve({}) })).rejects.toThrow("NEXT_REDIRECT:/login");
  });
});

describe("image details page", () => {
  it("lets the uploader edit details and shows the figure Markdown", async () => {
    const me = await createUser();
    const item = await seedMedia(me.id, "A heron", { caption: "By the weir", credit: "Photo: Jo" });
    signIn(me);
    render(await MediaDetailsPage({ params: Promise.resolve({ id: String(item.id) }), searchParams: Promise.resolve({}) }));
    expect(screen.getByLabelText("Alt text (required)")).toHaveValue("A heron");
    expect(screen.getByText('![A heron](/uploads/0123456789abcdef0123456789abcdef-480.webp "By the weir | Photo: Jo")')).toBeInTheDocument();
  });

  it("is not found for another contributor's image", async () => {
    const item = await seedMedia((await createUser()).id, "Theirs");
    signIn(await createUser());
    await expect(MediaDetailsPage({ params: Promise.resolve({ id: String(item.id) }), searchParams: Promise.resolve({}) })).rejects.toThrow("NEXT_NOT_FOUND");
  });
});

describe("import page", () => {
  it("has one h1 and a labelled paste box", async () => {
    signIn(await createUser());
    render(await ImportStoryPage());
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Import a republished article");
    expect(screen.getByLabelText("Republishing snippet (HTML)").tagName).toBe("TEXTAREA");
  });
});
