import type { Page } from "@playwright/test";
import {
  ADMIN,
  expect,
  expectNoA11yViolations,
  newIsolatedContext,
  PASSWORD,
  signInViaApi,
  signUpViaApi,
  test,
  uniqueEmail,
} from "../support/fixtures";

const INCORRECT = "Incorrect email or password.";
const IPHONE_USER_AGENT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
const SUSPENDED = "This account has been suspended. Contact the administrator.";
const DUPLICATE =
  "We could not create an account with these details. If you already have one, sign in instead.";

/** Submits the sign-in form and waits for next-auth's answer, so each attempt is counted once. */
async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const answered = page.waitForResponse(
    (response) =>
      response.url().includes("/api/auth/callback/credentials") &&
      response.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await answered;
}

/** The form's alert (the auth card is the page's main landmark; Next's route announcer is outside it). */
function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

async function fillSignUp(page: Page, input: { name: string; email: string; password: string }) {
  await page.getByLabel("Name").fill(input.name);
  await page.getByLabel("Email").fill(input.email);
  await page.getByLabel("Password").fill(input.password);
}

/** Creates an account through the API without signing in; returns the new user's id. */
async function createUser(page: Page, name: string): Promise<{ id: string; email: string }> {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "-"));
  const response = await page.request.post("/api/auth/sign-up", {
    data: { name, email, password: PASSWORD },
  });
  expect(response.status()).toBe(201);
  const body = await response.json();
  expect(body.user.email).toBe(email);
  return { id: body.user.id, email };
}

test("[AUTH]: a visitor signs up through the form and lands signed in; the sign-in and sign-up pages pass axe", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await expectNoA11yViolations(page);

  const email = uniqueEmail("ui-signup");
  await fillSignUp(page, { name: "Ada Lovelace", email, password: PASSWORD });
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/$/);
  const accountMenu = page.getByRole("button", { name: "Account menu" });
  await expect(accountMenu).toBeVisible();
  await accountMenu.click();
  await expect(page.getByRole("menu").getByText(email)).toBeVisible();
  // The session is real on the server too, not only in the header.
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email);
});

test("[AUTH]: sign-up rejects a weak password with a field message, and a taken email gets the generic refusal", async ({
  page,
}) => {
  await page.goto("/sign-up");
  await fillSignUp(page, { name: "Weak Password", email: uniqueEmail("weak"), password: "short" });
  await page.getByRole("button", { name: "Create account" }).click();
  const password = page.getByLabel("Password");
  await expect(page.locator("#password-error")).toHaveText("Use at least 10 characters.");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(formAlert(page).filter({ hasText: "Check the highlighted fields." })).toBeVisible();

  await password.fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#password-error")).toHaveText(
    "This password is too common. Choose another.",
  );
  await expect(page.getByRole("button", { name: "Account menu" })).toHaveCount(0);

  // Someone already holds this email.
  const taken = await createUser(page, "Taken Email");
  await page.goto("/sign-up");
  await fillSignUp(page, {
    name: "Impostor",
    email: taken.email,
    password: "another-long-password",
  });
  await page.getByRole("button", { name: "Create account" }).click();
  const refusal = formAlert(page).filter({ hasText: DUPLICATE });
  await expect(refusal).toBeVisible();
  await expect(refusal).not.toContainText(
    /already exists|already registered|already in use|taken/i,
  );
  await expect(page).toHaveURL(/\/sign-up/);
  await expect(page.getByRole("button", { name: "Account menu" })).toHaveCount(0);
});

test("[AUTH]: a user signs out from the account menu and back in; wrong passwords and unknown emails get the same message", async ({
  page,
}) => {
  const { email, password } = await signUpViaApi(page, "Round Trip");
  const cookie = (await page.context().cookies()).find(
    (candidate) => candidate.name === "next-auth.session-token",
  );
  expect(cookie).toBeDefined();
  await page.goto("/");
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Account menu" })).toHaveCount(0);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user).toBeUndefined();
  // Signing out ended the session on the server: a copy of the old cookie no longer works.
  const withOldCookie = { headers: { cookie: `next-auth.session-token=${cookie?.value}` } };
  expect((await page.request.get("/api/me/sessions", withOldCookie)).status()).toBe(401);
  expect(
    (await (await page.request.get("/api/auth/session", withOldCookie)).json())?.user,
  ).toBeUndefined();

  await page.goto("/sign-in");
  await submitSignIn(page, email, "not-the-right-password");
  await expect(formAlert(page)).toHaveText(INCORRECT);
  await expect(page.getByRole("button", { name: "Account menu" })).toHaveCount(0);
  await expectNoA11yViolations(page);

  await submitSignIn(page, uniqueEmail("nobody"), "not-the-right-password");
  await expect(formAlert(page)).toHaveText(INCORRECT);

  await submitSignIn(page, email, password);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
});

test("[AUTH]: after 5 wrong passwords from one address that address must wait, even with the right password, while the owner signs in from their own", async ({
  page,
  browser,
}) => {
  const user = await createUser(page, "Brute Target");
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await submitSignIn(page, user.email, `wrong-password-${attempt}`);
    await expect(formAlert(page)).toHaveText(INCORRECT);
  }
  await submitSignIn(page, user.email, PASSWORD);
  await expect(formAlert(page)).toHaveText(
    /^Too many attempts\. Please wait \d+ seconds? and try again\.$/,
  );
  await expect(page.getByRole("button", { name: "Account menu" })).toHaveCount(0);

  // The owner, from another address, is not locked out by someone else's guesses.
  const ownerContext = await newIsolatedContext(browser);
  try {
    const owner = await ownerContext.newPage();
    await owner.goto("/sign-in");
    await submitSignIn(owner, user.email, PASSWORD);
    await expect(owner.getByRole("button", { name: "Account menu" })).toBeVisible();
  } finally {
    await ownerContext.close();
  }
});

test("[AUTH]: Settings → Security lists where the user is signed in; one browser is signed out from another, then 'Sign out everywhere' ends them all", async ({
  page,
  browser,
}) => {
  const { email, password } = await signUpViaApi(page, "Many Browsers");
  const laptop = await newIsolatedContext(browser);
  const phone = await newIsolatedContext(browser, { userAgent: IPHONE_USER_AGENT });
  try {
    await signInViaApi(laptop.request, email, password);
    await signInViaApi(phone.request, email, password);

    await page.goto("/settings/security");
    await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    const rows = page.getByTestId("session-row");
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText("This browser");
    await expect(rows.filter({ hasText: "Safari on iPhone" })).toHaveCount(1);
    await expectNoA11yViolations(page);

    await rows
      .filter({ hasText: "Safari on iPhone" })
      .getByRole("button", { name: /^Sign out of Safari on iPhone/ })
      .click();
    await expect(page.getByText("Signed out of Safari on iPhone.")).toBeVisible();
    await expect(rows).toHaveCount(2);
    const phonePage = await phone.newPage();
    await phonePage.goto("/settings/security");
    await expect(phonePage).toHaveURL(/\/sign-in/);

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page
      .getByRole("alertdialog", { name: "Sign out everywhere?" })
      .getByRole("button", { name: "Sign out everywhere" })
      .click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(
      page.getByRole("status").filter({ hasText: "signed out on every browser" }),
    ).toBeVisible();
    expect((await laptop.request.get("/api/me/sessions")).status()).toBe(401);
  } finally {
    await Promise.all([laptop.close(), phone.close()]);
  }
});

test("[AUTH]: a banned user loses their session and cannot sign in again", async ({
  page,
  browser,
}) => {
  const user = await createUser(page, "Soon Banned");
  await signInViaApi(page.request, user.email, PASSWORD);
  await page.goto("/chat");
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();

  const adminContext = await newIsolatedContext(browser);
  try {
    await signInViaApi(adminContext.request, ADMIN.email, ADMIN.password);
    const response = await adminContext.request.patch(`/api/admin/users/${user.id}`, {
      data: { banned: true, reason: "Spam" },
    });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.user.id).toBe(user.id);
    expect(body.user.bannedAt).toBeTruthy();
  } finally {
    await adminContext.close();
  }

  // The existing session stops working at once.
  await page.goto("/chat");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: "Account menu" })).toHaveCount(0);

  await submitSignIn(page, user.email, PASSWORD);
  await expect(formAlert(page)).toHaveText(SUSPENDED);
  await expect(page.getByRole("button", { name: "Account menu" })).toHaveCount(0);
  // A wrong password does not reveal the suspension.
  await submitSignIn(page, user.email, "not-the-right-password");
  await expect(formAlert(page)).toHaveText(INCORRECT);
});

test("[AUTH]: a signed-out visitor opening /chat or /gpts is sent to the sign-in page, and signing in leads back", async ({
  page,
}) => {
  const user = await createUser(page, "Way Back");
  for (const path of ["/chat", "/gpts"]) {
    await page.goto(path);
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(path);
    await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Account menu" })).toHaveCount(0);
  }
  // Still on /sign-in?callbackUrl=/gpts: signing in returns to the page that was asked for.
  await submitSignIn(page, user.email, PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === "/gpts");
  await expect(page.getByRole("heading", { name: "My GPTs", level: 1 })).toBeVisible();
});
