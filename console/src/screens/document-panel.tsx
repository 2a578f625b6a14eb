import { type FormEvent, useEffect, useState } from "react";
import { api, errorText, protectedObjectUrl, type Schemas } from "../api/client";
import { Busy, ErrorNote } from "../components/status";

type Claim = Schemas["DocumentClaim"];
type FieldName = Schemas["FieldCorrectionResult"]["field"];

const FIELDS: FieldName[] = [
  "claimant_name",
  "policy_number",
  "incident_date",
  "amount_claimed",
  "incident_type",
  "collision_type",
  "incident_severity",
  "authorities_contacted",
  "police_report_available",
  "number_of_vehicles_involved",
  "bodily_injuries",
  "witnesses",
  "incident_state",
  "incident_city",
  "incident_hour_of_the_day",
  "property_damage",
  "description",
];
const label = (field: string) => field.replaceAll("_", " ");

/** The original PDF beside the fields read from it, each with its confidence; staff correct a field. */
export function DocumentPanel({
  claim,
  claimId,
  etag,
  staff,
  onChanged,
}: {
  claim: Claim;
  claimId: string;
  etag: string;
  staff: boolean;
  onChanged: (message: string) => void;
}) {
  const [pdf, setPdf] = useState<string | null>(null);
  const [pdfError, setPdfError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let url: string | null = null;
    protectedObjectUrl(`/api/v1/claims/${encodeURIComponent(claimId)}/document`)
      .then((u) => {
        url = u;
        setPdf(u);
      })
      .catch((e: Error) => setPdfError(`The document could not be shown: ${e.message}`));
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [claimId]);

  const data = (claim.extracted_data ?? {}) as Record<string, unknown>;
  const confidence = (data.confidence ?? {}) as Record<string, number>;
  const corrected = new Set(Object.keys((data.corrections ?? {}) as Record<string, unknown>));

  async function correct(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = String(form.get("field")) as FieldName;
    const raw = String(form.get("value") ?? "").trim();
    const note = String(form.get("note") ?? "").trim();
    setBusy(true);
    setError(null);
    const {
      data: result,
      error,
      response,
    } = await api.PUT("/api/v1/claims/{id}/fields/{field}", {
      params: { path: { id: claimId, field }, header: { "if-match": etag } },
      body: { value: raw === "" ? null : raw, ...(note ? { note } : {}) },
    });
    setBusy(false);
    if (result) return onChanged(`${label(field)} corrected to ${String(result.value ?? "none")}`);
    if (response.status === 412) onChanged("");
    setError(errorText(error, "The correction was not saved"));
  }

  return (
    <section aria-labelledby="document-heading" className="panel document">
      <h2 id="document-heading">Claim document</h2>
      <div className="side-by-side">
        <div className="pdf">
          {pdf ? <iframe title={`Claim document ${claim.pdf_filename ?? ""}`} src={pdf} /> : null}
          <ErrorNote message={pdfError} />
          {pdf ? (
            <a href={pdf} download={claim.pdf_filename ?? "claim.pdf"}>
              Download the PDF
            </a>
          ) : null}
        </div>
        <div>
          <table aria-label="Extracted fields">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Value</th>
                <th scope="col">Confidence</th>
              </tr>
            </thead>
            <tbody>
              {FIELDS.map((field) => (
                <tr key={field} data-field={field}>
                  <th scope="row">{label(field)}</th>
                  <td>{data[field] === undefined || data[field] === null ? "—" : String(data[field])}</td>
                  <td>
                    {corrected.has(field)
                      ? "corrected"
                      : confidence[field] !== undefined
                        ? `${Math.round(confidence[field] * 100)}%`
                        : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {staff ? (
            <form className="correction" aria-label="Correct a field" onSubmit={correct}>
              <label>
                Field
                <select name="field" defaultValue="incident_severity">
                  {FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {label(field)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Correct value
                <input name="value" maxLength={2000} />
              </label>
              <label>
                Why
                <input name="note" maxLength={2000} />
              </label>
              <button type="submit" disabled={busy}>
                Save correction
              </button>
              <Busy label="Saving the correction" active={busy} />
              <ErrorNote message={error} />
            </form>
          ) : null}
        </div>
      </div>
    </section>
  );
}
