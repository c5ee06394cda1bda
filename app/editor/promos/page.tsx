import type { Metadata } from "next";
import { ActionButton } from "@/components/admin/action-button";
import { PromoForm } from "@/components/admin/promo-form";
import { listPromosForEditor, PROMO_SLOTS } from "@/lib/promos/editor";
import { requirePageUser } from "@/lib/auth/page-guard";
import { deletePromoAction, savePromoAction } from "./actions";

export const metadata: Metadata = { title: "Promos" };

const slotNames: Record<(typeof PROMO_SLOTS)[number], string> = {
  "open-days": "Open days",
  research: "Research",
  newspaper: "University newspaper",
  "student-life": "Student life",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PromosPage({ searchParams }: Props) {
  await requirePageUser("editor");
  const { created } = await searchParams;
  const promos = await listPromosForEditor();
  return (
    <>
      <h1>Promos</h1>
      <p>Promo blocks appear on the home page and beside articles, by slot; inactive ones are kept but not shown.</p>
      {created ? (
        <div className="notice notice--success" role="status">
          <p>Promo added.</p>
        </div>
      ) : null}
      {PROMO_SLOTS.map((slot) => {
        const inSlot = promos.filter((p) => p.slot === slot);
        return (
          <section key={slot} className="section" aria-labelledby={`slot-${slot}`}>
            <div className="section__head">
              <h2 id={`slot-${slot}`}>{slotNames[slot]}</h2>
            </div>
            {inSlot.length === 0 ? <p>No promos in this slot.</p> : null}
            {inSlot.map((p) => (
              <div key={p.id} className="admin-item">
                <PromoForm
                  action={savePromoAction}
                  legend={`${p.title}${p.active ? "" : " (inactive)"}`}
                  promo={{ ...p, imageUrl: p.imageUrl ?? "" }}
                />
                <ActionButton action={deletePromoAction} fields={{ id: String(p.id) }} label="Delete promo" context={p.title} variant="danger" />
              </div>
            ))}
          </section>
        );
      })}
      <section className="section narrow" aria-labelledby="new-promo">
        <h2 id="new-promo">Add a promo</h2>
        <PromoForm
          action={savePromoAction}
          legend="New promo"
          promo={{ slot: "open-days", title: "", text: "", linkUrl: "", linkLabel: "Find out more", imageUrl: "", imageAlt: "", position: 0, active: true }}
        />
      </section>
    </>
  );
}
