import { createRoute } from "@tanstack/react-router";
import { defineModule } from "../../app/module";
import { localPath, searchOf, text } from "../../app/search";
import { ForgotPasswordPage } from "./ForgotPasswordPage";
import { InvitePage } from "./InvitePage";
import { ResetPasswordPage } from "./ResetPasswordPage";
import { SignInPage } from "./SignInPage";
import { SignUpPage } from "./SignUpPage";
import { VerifyEmailPage } from "./VerifyEmailPage";

/** Signing in and up, e-mail verification, password reset and invitations. */
export const authModule = defineModule({
  name: "auth",
  routes: (p) => [
    createRoute({
      getParentRoute: () => p.root,
      path: "sign-in",
      component: SignInPage,
      validateSearch: searchOf((s) => ({ redirect: localPath(s.redirect) })),
    }),
    createRoute({ getParentRoute: () => p.root, path: "sign-up", component: SignUpPage }),
    createRoute({
      getParentRoute: () => p.root,
      path: "verify-email",
      component: VerifyEmailPage,
      validateSearch: searchOf((s) => ({ token: text(s.token) })),
    }),
    createRoute({ getParentRoute: () => p.root, path: "forgot-password", component: ForgotPasswordPage }),
    createRoute({
      getParentRoute: () => p.root,
      path: "reset-password",
      component: ResetPasswordPage,
      validateSearch: searchOf((s) => ({ token: text(s.token) })),
    }),
    createRoute({ getParentRoute: () => p.root, path: "invite/$token", component: InvitePage }),
  ],
});
