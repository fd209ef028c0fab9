import type { FieldGroup } from "@concordia/core";
import { Alert, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../app/links";
import { useSession } from "../../app/session";

/**
 * Says which field groups the provider keeps from this reader. The API does not say at which
 * level each is visible, only that it is withheld: to the public, a hidden group is for members
 * (or the secretariat); to a member, it is for the provider and the secretariat only.
 */
export function HiddenNotice({ hidden, systemId }: { hidden: readonly FieldGroup[]; systemId: string }) {
  const { t } = useTranslation("registry");
  const session = useSession();
  if (hidden.length === 0) return null;
  const isMember = (session.user?.roles.length ?? 0) > 0;
  return (
    <Alert color="gray" variant="light" title={t("hidden.title")} data-testid="hidden-notice">
      <Text size="sm" mb="xs">
        {isMember ? t("hidden.forMembers") : t("hidden.forPublic")}
      </Text>
      <List size="sm">
        {hidden.map((g) => (
          <List.Item key={g} data-testid="hidden-group" data-group={g}>
            {isMember ? t(`hidden.restricted.${g}`) : t(`hidden.membersOnly.${g}`)}
          </List.Item>
        ))}
      </List>
      {!session.user && (
        <Text size="sm" mt="xs">
          <AnchorLink to="/sign-in" search={{ redirect: `/registry/systems/${systemId}` }}>
            {t("hidden.signIn")}
          </AnchorLink>
        </Text>
      )}
    </Alert>
  );
}
