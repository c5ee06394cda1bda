/** FormData as a browser would post it: a list value becomes repeated fields, undefined is left out (an unticked box). */
export function form(values: Record<string, string | string[] | undefined>): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const v of [value].flat()) fd.append(key, v);
  }
  return fd;
}
