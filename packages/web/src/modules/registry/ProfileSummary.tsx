import type { SystemProfile } from "@concordia/core";
import { SimpleGrid, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../app/links";
import { Fact } from "../log/bits";
import { encodeProfile } from "../rules/finder/profileUrl";
import { useListFormat } from "../rules/format";

/**
 * What the classification rests on, in short: the system's roles, purposes, functions and
 * settings (the obligation finder's words), with a link that opens the whole profile there.
 */
export function ProfileSummary({ profile }: { profile: SystemProfile }) {
  const { t } = useTranslation("registry");
  const { t: to } = useTranslation("rules", { keyPrefix: "obligations" });
  const list = useListFormat();
  const show = (items: string[] | undefined, name: (v: string) => string) =>
    items === undefined ? t("profile.unknown") : items.length === 0 ? t("profile.none") : list(items.map(name));
  const p = encodeProfile(profile);
  return (
    <Stack gap="sm" data-testid="profile-summary">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
        <Fact label={to("facts.roles")}>
          {show(profile.roles, (v) => to(`values.roles.${v as NonNullable<SystemProfile["roles"]>[number]}`))}
        </Fact>
        <Fact label={to("facts.purposes")}>
          {show(profile.purposes, (v) => to(`values.purposes.${v as NonNullable<SystemProfile["purposes"]>[number]}`))}
        </Fact>
        <Fact label={to("facts.functions")}>
          {show(profile.functions, (v) =>
            to(`values.functions.${v as NonNullable<SystemProfile["functions"]>[number]}`),
          )}
        </Fact>
        <Fact label={to("facts.contexts")}>
          {show(profile.contexts, (v) => to(`values.contexts.${v as NonNullable<SystemProfile["contexts"]>[number]}`))}
        </Fact>
      </SimpleGrid>
      {p && (
        <div>
          <AnchorLink to="/obligations" search={{ p }} size="sm" data-testid="open-in-finder">
            {t("profile.openInFinder")}
          </AnchorLink>
        </div>
      )}
    </Stack>
  );
}
