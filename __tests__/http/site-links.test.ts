import { isSafeLink, isSameSitePath } from "@/lib/http/links";
import { personSchema } from "@/lib/people/schema";
import { promoSchema } from "@/lib/promos/schema";

// Browsers read "\" as "/" and drop tabs and newlines, so each of these leaves the site.
const offSite = ["/\\evil.example", "\\\\evil.example", "//evil.example", "/\t/evil.example", "/\n/evil.example", "\\/evil.example", "/ /evil", "javascript:alert(1)", "https:\\\\evil.example", "https:/\\evil.example", "http://", "https://a b.example"];

describe("the shared link validator", () => {
  it.each(offSite)("refuses %j", (v) => {
    expect(isSafeLink(v)).toBe(false);
    expect(isSameSitePath(v)).toBe(false);
  });

  it("accepts a path on this site and an http(s) URL", () => {
    for (const v of ["/", "/open-days?level=undergraduate", "/news/a-story#comments", "/uploads/x.jpg"]) {
      expect(isSameSitePath(v)).toBe(true);
      expect(isSafeLink(v)).toBe(true);
    }
    for (const v of ["https://www.harrowgate.ac.uk/study", "http://example.org/a?b=c"]) {
      expect(isSameSitePath(v)).toBe(false);
      expect(isSafeLink(v)).toBe(true);
    }
  });
});

describe("promo and person forms use it", () => {
  const promo = { slot: "open-days", title: "Open days", text: "Come and see", linkLabel: "Book", imageUrl: "", imageAlt: "", position: "0", active: "on" };
  it("refuses /\\evil.example as a promo link or image", () => {
    const base = promoSchema.safeParse({ ...promo, linkUrl: "/open-days" });
    // The valid form first, so a refusal below is about the link alone.
    expect(base.error?.issues ?? []).toEqual([]);
    expect(promoSchema.safeParse({ ...promo, linkUrl: "/\\evil.example" }).success).toBe(false);
    expect(promoSchema.safeParse({ ...promo, linkUrl: "/open-days", imageUrl: "/\\evil.example/x.png", imageAlt: "A picture" }).success).toBe(false);
  });

  it("refuses /\\evil.example as a person's photo", () => {
    const person = { name: "Dr Ada Lovelace", slug: "ada-lovelace", photoUrl: "/uploads/a.jpg" };
    expect(personSchema.safeParse(person).error?.issues ?? []).toEqual([]);
    expect(personSchema.safeParse({ ...person, photoUrl: "/\\evil.example/a.jpg" }).success).toBe(false);
  });
});
