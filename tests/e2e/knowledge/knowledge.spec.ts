import type { Locator, Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import {
  createGptViaApi,
  expectSaved,
  openEditor,
  setBuilderProfileViaApi,
  uniqueSuffix,
} from "../builder/helpers";
import {
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  signUpViaApi,
  test,
} from "../support/fixtures";

const SECRET = "AZURE-FALCON-42";

/**
 * A real two-page PDF whose second page alone holds the answer. Page 1 is long enough (a few
 * hundred tokens) that page 2 starts a chunk of its own, so citations can name page 2.
 */
async function harbourPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const mooring = Array.from(
    { length: 24 },
    (_, i) =>
      `Berth ${i + 1} takes boats up to ${8 + (i % 6)} metres; crews check the tide board, sign the log and keep the quay clear before noon.`,
  ).join(" ");
  const pages = [
    `Harbour handbook. Boats moor on the east quay. ${mooring}`,
    `Access codes. The harbour master's gate code is ${SECRET}; it changes every spring tide.`,
  ];
  for (const text of pages) {
    const page = pdf.addPage([595, 842]);
    page.drawText(text, { x: 40, y: 800, size: 8, font, maxWidth: 515, lineHeight: 10 });
  }
  return Buffer.from(await pdf.save());
}

async function uploadKnowledge(page: Page, name: string, buffer: Buffer, mimeType: string) {
  const section = page.getByTestId("knowledge-section");
  await section.getByLabel("Knowledge files").setInputFiles({ name, mimeType, buffer });
  const row = section.getByTestId("knowledge-file").filter({ hasText: name });
  await expect(row).toHaveAttribute("data-status", "READY", { timeout: 60_000 });
  return row;
}

async function ask(panel: Locator, text: string) {
  await panel.getByRole("textbox", { name: "Message", exact: true }).fill(text);
  await panel.getByRole("button", { name: "Send message" }).click();
  const answer = panel.getByTestId("message-assistant").last();
  await expect(answer).toHaveAttribute("data-status", "COMPLETE");
  return answer;
}

test("[KNOWLEDGE]: a creator uploads a PDF, tests retrieval, and the preview answers from page 2 with a citation that opens", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Kit Knowledge ${suffix}`);
  const gpt = await createGptViaApi(page.request, {
    name: `Harbour Guide ${suffix}`,
    capabilities: ["knowledge"],
  });
  await openEditor(page, gpt.id);

  const row = await uploadKnowledge(page, "harbour.pdf", await harbourPdf(), "application/pdf");
  await expect(row).toContainText(/2 pages/);

  // The retrieval console shows the passage from page 2 first.
  const section = page.getByTestId("knowledge-section");
  await section.getByRole("button", { name: "Test retrieval" }).click();
  await section.getByRole("searchbox", { name: "Question" }).fill("gate code");
  await section.getByRole("button", { name: "Search" }).click();
  const best = section.getByTestId("retrieval-result").first();
  await expect(best).toContainText(SECRET);
  await expect(best).toContainText("harbour.pdf");
  await expect(best).toContainText(/p(age|\.)\s*2/i);
  await expectNoA11yViolations(page);
  if (process.env.E2E_SCREENSHOT_DIR) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await section.screenshot({
        path: `${process.env.E2E_SCREENSHOT_DIR}/knowledge-${width}.png`,
      });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  // The preview's answer cites the file; the citation opens on the quoted passage.
  const answer = await ask(
    page.getByRole("region", { name: "Preview" }),
    "[[scenario:knowledgeCite]] What is the gate code?",
  );
  // The fake model quotes the start of passage [1] and cites it; the marker becomes a button.
  await expect(answer).toContainText("According to");
  await answer.getByRole("button", { name: "Source 1" }).click();
  const popover = page.getByTestId("citation-popover");
  await expect(popover.getByTestId("citation-source")).toContainText("harbour.pdf");
  await expect(popover).toContainText(/page 2/i);
  await expect(popover.getByTestId("citation-quote")).toContainText(SECRET);
});

test("[KNOWLEDGE]: a store visitor gets the cited passage but not the file name when the creator hides it, and never the file itself", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  await signUpViaApi(page, `Hana Hidden ${suffix}`);
  await setBuilderProfileViaApi(page.request, `Hana ${suffix}`);
  const gpt = await createGptViaApi(page.request, {
    name: `Private Sources ${suffix}`,
    capabilities: ["knowledge"],
  });
  await openEditor(page, gpt.id);
  await uploadKnowledge(page, "internal-notes.pdf", await harbourPdf(), "application/pdf");
  await page.getByRole("switch", { name: /Hide file names/ }).click();
  await expectSaved(page);
  const published = await page.request.post(`/api/gpts/${gpt.id}/publish`, {
    data: { visibility: "LINK" },
  });
  expect(published.status(), await published.text()).toBe(200);
  expect((await published.json()).knowledgeFileCount).toBe(1);

  const visitorContext = await newIsolatedContext(browser);
  try {
    const visitor = await visitorContext.newPage();
    await signUpViaApi(visitor, `Vic Visitor ${suffix}`);
    await visitor.goto(`/g/${gpt.slug}`);
    const answer = await ask(
      visitor.locator("body"),
      "[[scenario:knowledgeCite]] What is the gate code?",
    );
    await answer.getByRole("button", { name: "Source 1" }).click();
    const popover = visitor.getByTestId("citation-popover");
    await expect(popover.getByTestId("citation-quote")).toContainText(SECRET);
    await expect(popover).not.toContainText("internal-notes.pdf");

    // The files themselves are the owner's only.
    const list = await visitor.request.get(`/api/gpts/${gpt.id}/knowledge`);
    expect(list.status()).toBe(404);
    const search = await visitor.request.post(`/api/gpts/${gpt.id}/knowledge/search`, {
      data: { query: "gate code" },
    });
    expect(search.status()).toBe(404);
    const pageHtml = await (await visitor.request.get(`/g/${gpt.slug}`)).text();
    expect(pageHtml).not.toContain("internal-notes.pdf");
    expect(pageHtml).not.toContain(SECRET);
  } finally {
    await visitorContext.close();
  }
});
