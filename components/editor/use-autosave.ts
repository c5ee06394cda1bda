"use client";

import { useEffect, useRef, useState, type RefObject } from "react";

const INTERVAL_MS = 30_000;

/**
 * Saves the story form in the background every 30 seconds when it has
 * changed, and when the tab is hidden or closed (fetch keepalive, with
 * sendBeacon as the last resort on pagehide). The new version the server
 * returns goes back into the form, so the author's next manual save is based
 * on it and is never a false conflict.
 */
export function useAutosave({
  formRef,
  url,
  enabled,
  version,
  onVersion,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  url: string | null;
  enabled: boolean;
  version: number;
  onVersion: (version: number) => void;
}): string {
  const [status, setStatus] = useState("");
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const stopped = useRef(false);
  const versionRef = useRef(version);
  const onVersionRef = useRef(onVersion);

  useEffect(() => {
    versionRef.current = version;
    onVersionRef.current = onVersion;
  });

  useEffect(() => {
    const form = formRef.current;
    if (!form || !url || !enabled) return;
    const markDirty = () => {
      dirty.current = true;
    };
    const payload = () => {
      const data = new FormData(form);
      data.set("version", String(versionRef.current));
      return data;
    };
    const save = async () => {
      if (!dirty.current || inFlight.current || stopped.current) return;
      inFlight.current = true;
      dirty.current = false;
      try {
        const res = await fetch(url, { method: "POST", body: payload(), keepalive: true, credentials: "same-origin" });
        const body = (await res.json().catch(() => ({}))) as { version?: number; message?: string };
        if (res.ok && typeof body.version === "number") {
          versionRef.current = body.version;
          onVersionRef.current(body.version);
          setStatus(`Saved automatically at ${new Date().toLocaleTimeString("en-GB", { hour: "numeric", minute: "2-digit" })}.`);
        } else {
          if (res.status === 409 || res.status === 401 || res.status === 403) stopped.current = true;
          else dirty.current = true;
          setStatus(body.message ?? "Not saved automatically. Use Save to keep your changes.");
        }
      } catch {
        dirty.current = true;
        setStatus("Not saved automatically (no connection). Your text is still here; try Save.");
      } finally {
        inFlight.current = false;
      }
    };
    const onHide = () => {
      if (document.visibilityState === "hidden") void save();
    };
    const onPageHide = () => {
      if (dirty.current && !inFlight.current && !stopped.current) navigator.sendBeacon?.(url, payload());
    };
    form.addEventListener("input", markDirty);
    form.addEventListener("change", markDirty);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onPageHide);
    const timer = window.setInterval(() => void save(), INTERVAL_MS);
    return () => {
      form.removeEventListener("input", markDirty);
      form.removeEventListener("change", markDirty);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onPageHide);
      window.clearInterval(timer);
    };
  }, [formRef, url, enabled]);

  return status;
}
