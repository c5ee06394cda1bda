/**
 * next/cache under Jest: Next's functions need a request scope Jest has not
 * got. The portal refreshes public pages through lib/cache.ts revalidate()
 * (the page cache), so these only record calls.
 */
export const revalidatePath = jest.fn<undefined, [path: string, type?: "page" | "layout"]>();
export const revalidateTag = jest.fn<undefined, [tag: string, profile?: string]>();
export const updateTag = jest.fn<undefined, [tag: string]>();
export const refresh = jest.fn<undefined, []>();
export const unstable_cache = <T extends (...args: never[]) => unknown>(fn: T): T => fn;
