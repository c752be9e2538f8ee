import { chromium, type Browser, type Page } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, with nothing reaching outside this machine. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Signs in on the login page the browser is on (or was sent to), by keyboard, and waits for `landing`. */
export async function signInByKeyboard(page: Page, username: string, password: string, landing: string): Promise<void> {
  await page.keyboard.type(username);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await page.waitForURL(`**${landing}`);
}

/** Draws a polyline on a drawing pad with the mouse, in fractions of its size. */
export async function drawOn(page: Page, points: [number, number][], testId = "draw-pad"): Promise<void> {
  await page.locator(`[data-testid="${testId}"][data-ready="true"]`).waitFor();
  const box = (await page.getByTestId(testId).boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 12 });
  await page.mouse.up();
}
