import { chromium } from "playwright-core";
(async () => {
  const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync"] });
  const [url, out, w] = process.argv.slice(2);
  const p = await b.newPage({ viewport: { width: Number(w ?? 1280), height: 900 } });
  await p.goto(url!);
  await p.screenshot({ path: out!, fullPage: true });
  await b.close();
})();
