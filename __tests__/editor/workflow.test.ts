import { STORY_STATUSES, type Role, type StoryStatus } from "@/db/schema";
import { availableActions, canEdit, canTransition, ruleFor, TRANSITIONS } from "@/lib/stories/workflow";

const pairs = (role: Role, isOwner: boolean) =>
  STORY_STATUSES.flatMap((from) => STORY_STATUSES.filter((to) => canTransition(role, from, to, isOwner)).map((to) => `${from}→${to}`));

describe("story workflow transition table", () => {
  test("a contributor may only submit their own draft", () => {
    expect(pairs("contributor", true)).toEqual(["draft→in-review"]);
    expect(pairs("contributor", false)).toEqual([]);
    expect(availableActions("contributor", "draft", true)).toEqual(["submit"]);
  });

  test("a contributor can never publish, schedule, unpublish or return", () => {
    for (const from of STORY_STATUSES) {
      for (const action of ["publish", "schedule", "unpublish", "return", "schedule-unpublish"] as const) {
        expect(ruleFor("contributor", action, from, true)).toBeNull();
      }
      for (const to of ["published", "scheduled", "unpublished"] as StoryStatus[]) {
        expect(canTransition("contributor", from, to, true)).toBe(false);
      }
    }
  });

  test.each(["editor", "admin"] as const)("%s: the press office's transitions", (role) => {
    expect(pairs(role, false).sort()).toEqual(
      [
        "draft→in-review",
        "in-review→draft",
        "draft→published",
        "in-review→published",
        "scheduled→published",
        "unpublished→published",
        "draft→scheduled",
        "in-review→scheduled",
        "scheduled→scheduled",
        "unpublished→scheduled",
        "published→unpublished",
        "scheduled→unpublished",
        // a scheduled unpublish keeps the status
        "published→published",
      ].sort(),
    );
    expect(ruleFor(role, "return", "in-review", false)?.note).toBe("required");
    expect(ruleFor(role, "return", "draft", false)).toBeNull();
    expect(ruleFor(role, "unpublish", "draft", false)).toBeNull();
  });

  test("editing: a contributor edits only their own draft (including one returned to them)", () => {
    expect(canEdit("contributor", "draft", true)).toBe(true);
    expect(canEdit("contributor", "draft", false)).toBe(false);
    for (const status of ["in-review", "scheduled", "published", "unpublished"] as const) {
      expect(canEdit("contributor", status, true)).toBe(false);
    }
    for (const status of STORY_STATUSES) {
      expect(canEdit("editor", status, false)).toBe(true);
      expect(canEdit("admin", status, false)).toBe(true);
    }
  });

  test("the table is plain data", () => {
    expect(JSON.parse(JSON.stringify(TRANSITIONS))).toEqual(TRANSITIONS);
  });
});
