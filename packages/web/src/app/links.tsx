import { Anchor, type AnchorProps, Button, type ButtonProps } from "@mantine/core";
import { createLink, type LinkComponent } from "@tanstack/react-router";
import { forwardRef } from "react";

/** Mantine components wired to the router, so `to`, `params` and `search` are type-checked. */
interface AnchorBaseProps extends Omit<AnchorProps, "href"> {}
const AnchorBase = forwardRef<HTMLAnchorElement, AnchorBaseProps>((props, ref) => <Anchor ref={ref} {...props} />);
const CreatedAnchorLink = createLink(AnchorBase);
export const AnchorLink: LinkComponent<typeof AnchorBase> = (props) => (
  <CreatedAnchorLink preload="intent" {...props} />
);

interface ButtonBaseProps extends Omit<ButtonProps, "href"> {}
const ButtonBase = forwardRef<HTMLAnchorElement, ButtonBaseProps>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));
const CreatedButtonLink = createLink(ButtonBase);
export const ButtonLink: LinkComponent<typeof ButtonBase> = (props) => (
  <CreatedButtonLink preload="intent" {...props} />
);
