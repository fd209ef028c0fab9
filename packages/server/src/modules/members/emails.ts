import type { Role } from "@concordia/core";

// Plain-text emails, in English for now (the recipient's language is not known before sign-in).

export function verificationEmail(publicUrl: string, name: string, token: string) {
  return {
    kind: "verify_email",
    subject: "Confirm your email address for Concordia",
    text: `Hello ${name},\n\nPlease confirm your email address by opening this link within 48 hours:\n\n${publicUrl}/verify-email?token=${token}\n\nIf you did not create an account, ignore this message.\n`,
  };
}

export function passwordResetEmail(publicUrl: string, name: string, token: string) {
  return {
    kind: "reset_password",
    subject: "Reset your Concordia password",
    text: `Hello ${name},\n\nSomeone (hopefully you) asked to reset your password. Open this link within one hour to choose a new one:\n\n${publicUrl}/reset-password?token=${token}\n\nIf you did not ask for this, ignore this message; your password is unchanged.\n`,
  };
}

const ROLE_NAMES: Record<Role, string> = {
  secretariat_admin: "secretariat administrator",
  member_delegate: "member delegate",
  auditor: "auditor",
  provider: "AI provider",
  researcher: "researcher",
};

export function invitationEmail(publicUrl: string, organizationName: string, role: Role, token: string) {
  return {
    kind: "invitation",
    subject: `You are invited to join ${organizationName} on Concordia`,
    text: `Hello,\n\nThe secretariat invites you to join ${organizationName} on Concordia as ${ROLE_NAMES[role]}.\nOpen this link within 14 days to accept:\n\n${publicUrl}/invite/${token}\n`,
  };
}
