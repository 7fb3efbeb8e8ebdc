using System.ComponentModel;

namespace Inquir.Typed.Generated;

/// <summary>
/// Runs one step: decodes its input checkpoint, gets the workflow class from <paramref name="services"/>, calls the
/// step method and encodes its output. For generated code: one per step, no reflection.
/// </summary>
/// <param name="services">The scope's services, from which the workflow class is constructed.</param>
/// <param name="input">The JSON of the step's input: the workflow input for the first step, else the previous step's output.</param>
/// <param name="context">The step's context.</param>
/// <param name="cancellationToken">Fires on timeout, cancellation or shutdown.</param>
/// <returns>The JSON of the step's output (<c>null</c> JSON for a step without one).</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate ValueTask<string> StepInvoker(IServiceProvider services, string input, StepContext context, CancellationToken cancellationToken);
