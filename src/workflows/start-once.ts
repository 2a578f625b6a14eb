/**
 * Creates a Workflow instance under an id derived from its business key, or finds the one a
 * previous delivery created: starting is idempotent. Returns whether this call created it.
 */
export async function startWorkflowOnce<P>(workflow: Workflow<P>, id: string, params: P): Promise<boolean> {
  try {
    await workflow.create({ id, params });
    return true;
  } catch (error) {
    try {
      await workflow.get(id);
      return false;
    } catch {
      throw error;
    }
  }
}
