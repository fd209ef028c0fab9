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

/** To the owner of an address someone tried to sign up with (sign-up answers the same either way). */
export function signUpAttemptEmail(publicUrl: string, name: string) {
  return {
    kind: "sign_up_existing",
    subject: "Someone tried to create a Concordia account with your address",
    text: `Hello ${name},\n\nSomeone (perhaps you) tried to create a Concordia account with this email address, which already has one. Nothing was changed.\n\nIf it was you and you forgot your password, reset it here:\n\n${publicUrl}/reset-password\n\nIf it was not you, you can ignore this message.\n`,
  };
}

/**
 * To the address of a never-confirmed account that an invitation was accepted for: whoever
 * created the account may not own the address, so its owner takes it over (a reset proves the
 * address and ends every other session and API token) before the role counts.
 */
export function accountTakeoverEmail(publicUrl: string, name: string, organizationName: string, token: string) {
  return {
    kind: "reset_password",
    subject: `Confirm your Concordia account to join ${organizationName}`,
    text: `Hello ${name},\n\nYou are accepting an invitation to ${organizationName}, but the Concordia account with this email address was never confirmed: it may have been created by someone else. Choose a new password for it within one hour with this link (this confirms the address and signs out every other session and API token of the account):\n\n${publicUrl}/reset-password?token=${token}\n\nThen open the invitation link again and accept it with the new password.\n`,
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
