using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Inquir.Typed.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.CodeFixes.StepBodies;

/// <summary>
/// INQ2002: replaces the client a step starts a workflow through with <c>ctx.Workflows</c>, adding a
/// <c>StepContext</c> parameter to the step when it takes none.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WorkflowStartedWithoutStepContextCodeFix))]
[Shared]
public sealed class WorkflowStartedWithoutStepContextCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("INQ2002");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var diagnostic = context.Diagnostics[0];
        var client = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
        if (root is null || client is null || StepSignature.StepAround(client) is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Start it through ctx.Workflows",
                cancellationToken => RouteThroughContextAsync(context.Document, root, client, cancellationToken),
                equivalenceKey: nameof(WorkflowStartedWithoutStepContextCodeFix)),
            diagnostic);
    }

    private static async Task<Document> RouteThroughContextAsync(Document document, SyntaxNode root, ExpressionSyntax client, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var step = StepSignature.StepAround(client)!;
        var context = model is null ? null : StepSignature.ContextParameter(step, model, cancellationToken);
        var name = context ?? StepSignature.FreeContextName(step);
        var workflows = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.IdentifierName(name),
                SyntaxFactory.IdentifierName("Workflows"))
            .WithTriviaFrom(client);
        var updated = step.ReplaceNode(client, workflows);
        if (context is null)
        {
            updated = StepSignature.AddContextParameter(updated, name);
        }

        return document.WithSyntaxRoot(root.ReplaceNode(step, updated));
    }
}
