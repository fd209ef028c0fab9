import type { SystemProfile } from "@concordia/core";
import { getRouteApi } from "@tanstack/react-router";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { formToProfile, type ProfileForm, profileToForm } from "../profileForm";
import { decodeProfile, EMPTY_PROFILE, encodeProfile, validDate } from "../profileUrl";
import { currentStep } from "./steps";

const route = getRouteApi("/obligations");
/** Answers reach the URL this long after the last change (so typing does not flood history). */
const SYNC_DELAY_MS = 400;

/**
 * The finder's state. The URL (`p`, `asOf`, `step`) is the shareable truth; the form keeps what is
 * being typed and is written back to `p` shortly after each change. A `p` that changes from
 * outside (back button, an opened link, an imported file) replaces the form.
 */
export function useFinderState() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const decoded = useMemo(() => decodeProfile(search.p), [search.p]);
  const [form, setForm] = useState<ProfileForm>(() => profileToForm(decoded.ok ? decoded.profile : EMPTY_PROFILE));
  const profile = useMemo(() => formToProfile(form), [form]);
  const encoded = encodeProfile(profile);
  const written = useRef(encoded);
  /** Only answers given here are written back (a broken shared link stays as it is until then). */
  const touched = useRef(false);

  // A new `p` from outside: show it.
  useEffect(() => {
    if (search.p === written.current) return;
    written.current = search.p;
    setForm(profileToForm(decoded.ok ? decoded.profile : EMPTY_PROFILE));
  }, [search.p, decoded]);

  // Form changes: write them to the URL, replacing the history entry.
  useEffect(() => {
    if (!touched.current || encoded === search.p) return;
    const timer = setTimeout(() => {
      written.current = encoded;
      // The step is written too: a profile without a step would open on the results.
      void navigate({
        search: (s) => ({ ...s, p: encoded, step: currentStep(s.step, !!s.p) }),
        replace: true,
        resetScroll: false,
      });
    }, SYNC_DELAY_MS);
    return () => clearTimeout(timer);
  }, [encoded, search.p, navigate]);

  const step = currentStep(search.step, !!search.p);
  const asOf = validDate(search.asOf);

  const goTo = useCallback(
    (next: number) => {
      written.current = encoded;
      void navigate({ search: (s) => ({ ...s, p: encoded, step: next }) });
    },
    [encoded, navigate],
  );

  const setAsOf = useCallback(
    (date: string | undefined) =>
      void navigate({ search: (s) => ({ ...s, asOf: date }), replace: true, resetScroll: false }),
    [navigate],
  );

  /** Replaces every answer (an imported file) and shows its results. */
  const load = useCallback(
    (next: SystemProfile, toStep: number) => {
      const p = encodeProfile(next);
      written.current = p;
      setForm(profileToForm(next));
      void navigate({ search: (s) => ({ ...s, p, step: toStep }) });
    },
    [navigate],
  );

  const update = useCallback((change: (f: ProfileForm) => ProfileForm) => {
    touched.current = true;
    setForm(change);
  }, []);

  return {
    form,
    update,
    profile,
    encoded,
    step,
    goTo,
    asOf,
    rawAsOf: search.asOf,
    setAsOf,
    load,
    decodeError: decoded.ok ? null : decoded.errors,
  };
}
