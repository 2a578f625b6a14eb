import { useEffect, useState } from "react";
import { api, errorText, type Schemas } from "../api/client";
import { Busy, ErrorNote } from "../components/status";
import { useLoad } from "../components/use-load";

const FINISHED = ["promoted", "kept_champion", "refused", "failed"];
const metric = (value: unknown) => (typeof value === "number" ? value.toFixed(3) : "—");

/** The active version of every model with its measured metrics; retrain a fraud model and follow the job. */
export function ModelRegistry() {
  const models = useLoad(async () => {
    const { data, error } = await api.GET("/api/v1/models");
    if (!data) throw new Error(errorText(error, "Could not load the models"));
    return data;
  }, "models");
  const [job, setJob] = useState<Schemas["TrainingJob"] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Follows the job once a second until it ends, then shows the registry as it now is.
  useEffect(() => {
    if (!job || FINISHED.includes(job.status)) return;
    const timer = setTimeout(async () => {
      const { data, error } = await api.GET("/api/v1/models/jobs/{id}", { params: { path: { id: job.job_id } } });
      if (!data) return setError(errorText(error, "Lost track of the training job"));
      setJob(data);
      if (FINISHED.includes(data.status)) models.reload();
    }, 1000);
    return () => clearTimeout(timer);
  }, [job, models.reload]);

  async function retrain(modelName: string) {
    setError(null);
    const { data, error } = await api.POST("/api/v1/models/retrain", { body: { model_name: modelName } });
    if (!data) return setError(errorText(error, "Retraining was refused"));
    setJob(data);
  }

  const metricNames = ["roc_auc", "accuracy", "precision", "recall", "f1"];
  return (
    <main>
      <h1>Models</h1>
      <Busy label="Loading the models" active={models.loading} />
      <ErrorNote message={models.error ?? error} />
      {job ? (
        <p className="notice" role="status" data-testid="training-job">
          Retraining {job.model_name}: {job.status.replace("_", " ")}
          {FINISHED.includes(job.status) ? "" : "…"}
        </p>
      ) : null}
      {models.data ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Type</th>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                {metricNames.map((m) => (
                  <th scope="col" key={m}>
                    {m.replace("_", " ").toUpperCase()}
                  </th>
                ))}
                <th scope="col">Trained</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {models.data.map((model) => (
                <tr key={`${model.model_name}@${model.version}`}>
                  <td>{model.model_name}</td>
                  <td>{model.model_type}</td>
                  <td>{model.version}</td>
                  <td>{model.status}</td>
                  {metricNames.map((m) => (
                    <td key={m}>{metric(model.metrics[m])}</td>
                  ))}
                  <td>{model.trained_at.slice(0, 10)}</td>
                  <td>
                    {model.model_type === "fraud" ? (
                      <button
                        type="button"
                        aria-label={`Retrain ${model.model_name}`}
                        disabled={job !== null && !FINISHED.includes(job.status)}
                        onClick={() => retrain(model.model_name)}
                      >
                        Retrain
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </main>
  );
}
