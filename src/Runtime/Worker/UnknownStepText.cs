namespace Inquir.Typed.Worker;

/// <summary>What the error of a run waiting at a step this deployment does not know says.</summary>
internal static class UnknownStepText
{
    /// <summary>
    /// The words ReportUnknownSteps.sql writes (both stores), so that a run a worker handed on itself counts as
    /// reported already and the reporter does not write or report it again.
    /// </summary>
    public static string WaitingFor(string workflow, int stepIndex, string stepName) =>
        $"waiting for a worker that knows step '{stepName}' (step {stepIndex + 1}) of workflow '{workflow}'; a worker of another deployment does not run it";
}
