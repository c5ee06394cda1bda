// jsdom has no TextEncoder, which next/server loads at import.
jest.mock("next/server", () => ({ connection: jest.fn(async () => undefined) }));
jest.mock("@/lib/auth/session", () => ({ currentSessionUser: jest.fn() }));
jest.mock("next/navigation", () => ({
  notFound: jest.fn(() => {
    throw new Error("NEXT_NOT_FOUND");
  }),
  redirect: jest.fn((url: string) => {
    throw new Error(`NEXT_REDIRECT:${url}`);
  }),
  useRouter: () => ({ refresh: jest.fn(), push: jest.fn(), replace: jest.fn() }),
  usePathname: () => "/editor",
}));

import { render, screen } from "@testing-library/react";
import EditStoryPage from "@/app/editor/stories/[id]/edit/page";
import PreviewPage from "@/app/preview/[token]/page";
import * as s from "@/db/schema";
import { currentSessionUser } from "@/lib/auth/session";
import { createPreviewLink } from "@/lib/stories/preview";
import { createStory, createUser } from "../factories";
import { freshDb } from "../helpers/db";

/** Issue 11: uploaded captions reach the preview, and the edit page offers the upload. */
const session = (u: s.User) => ({ id: u.id, email: u.email, name: u.name, role: u.role });
const captionsUrl = `/uploads/${"d".repeat(32)}.vtt`;

beforeEach(() => freshDb());

it("the embargoed preview plays a video with its uploaded captions", async () => {
  const editor = await createUser({ role: "editor" });
  const story = await createStory({ status: "draft", publishAt: null, type: "video", mediaUrl: "/uploads/clip.mp4", captionsUrl });
  const link = await createPreviewLink({ id: story.id, hours: 1 }, { user: session(editor), ip: null });
  const { container } = render(await PreviewPage({ params: Promise.resolve({ token: link.token }) }));
  const track = container.querySelector("video > track");
  expect(track).toHaveAttribute("src", captionsUrl);
  expect(track).toHaveAttribute("kind", "captions");
  expect(track).toHaveAttribute("default");
});

it("the edit page of a video offers a captions upload and links the current file; other types do not", async () => {
  const me = await createUser();
  (currentSessionUser as jest.Mock).mockResolvedValue(session(me));
  const video = await createStory({ status: "draft", publishAt: null, type: "video", mediaUrl: "/uploads/clip.mp4", captionsUrl, createdBy: me.id });
  const page = (id: number) => EditStoryPage({ params: Promise.resolve({ id: String(id) }), searchParams: Promise.resolve({}) });
  const { unmount } = render(await page(video.id));
  expect(screen.getByRole("heading", { level: 2, name: "Captions" })).toBeInTheDocument();
  expect(screen.getByLabelText(/Captions file/)).toHaveAttribute("type", "file");
  expect(screen.getByLabelText(/Captions file/)).toHaveAttribute("accept", ".vtt,text/vtt");
  expect(screen.getByRole("link", { name: /current captions/i })).toHaveAttribute("href", captionsUrl);
  expect(screen.getByRole("button", { name: "Upload captions" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Remove captions" })).toBeInTheDocument();
  unmount();

  const news = await createStory({ status: "draft", publishAt: null, type: "news-release", createdBy: me.id });
  render(await page(news.id));
  expect(screen.queryByRole("heading", { name: "Captions" })).toBeNull();
});
