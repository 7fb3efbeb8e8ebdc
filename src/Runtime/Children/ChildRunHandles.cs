using System.ComponentModel;
using System.Text;

namespace Inquir.Typed.Generated;

/// <summary>
/// Encodes the child runs a step returns as the JSON array of their ids that the runtime awaits. Called by the
/// generated invoker of a step returning <see cref="WorkflowRun{TResult}"/> or a list of them. For generated code;
/// not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ChildRunHandles
{
    /// <summary>Encodes one child run.</summary>
    /// <exception cref="InvalidOperationException">The step returned null.</exception>
    public static string Encode<TResult>(WorkflowRun<TResult>? run)
    {
        if (run is null)
        {
            throw new InvalidOperationException("The step returned null instead of the WorkflowRun of the child it started through ctx.Workflows.");
        }

        return $"[\"{run.Id:D}\"]";
    }

    /// <summary>Encodes child runs in the order the list holds them, which is the order of the next step's results.</summary>
    /// <exception cref="InvalidOperationException">The step returned null, or a list holding null.</exception>
    public static string Encode<TResult>(IReadOnlyList<WorkflowRun<TResult>>? runs)
    {
        if (runs is null)
        {
            throw new InvalidOperationException("The step returned null instead of the list of WorkflowRun of the children it started through ctx.Workflows; return an empty list for none.");
        }

        var json = new StringBuilder(2 + (runs.Count * 39));
        json.Append('[');
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i] ?? throw new InvalidOperationException($"The list of child runs the step returned holds null at index {i}.");
            json.Append(i == 0 ? "\"" : ",\"").Append(run.Id.ToString("D")).Append('"');
        }

        return json.Append(']').ToString();
    }
}
