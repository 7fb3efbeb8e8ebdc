using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inquir.Typed.Analyzers.StepBodies;
using Inquir.Typed.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Inquir.Typed.CodeFixes.StepBodies;

/// <summary>
/// INQ2003, where the code around the call is async: <c>task.Result</c>, <c>task.GetAwaiter().GetResult()</c> and
/// <c>task.Wait()</c> become <c>await task</c>; <c>Thread.Sleep(x)</c> becomes <c>await Task.Delay(x, ct)</c> with the
/// step's token, adding a <c>CancellationToken</c> parameter to the step when it takes none. In a method that is not
/// async no fix is offered: making it async changes its signature, which is the author's call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingCallInStepCodeFix))]
[Shared]
public sealed class BlockingCallInStepCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("INQ2003");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var diagnostic = context.Diagnostics[0];
        var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (root is null
            || node is null
            || !CanAwaitAt(node)
            || !diagnostic.Properties.TryGetValue(BlockingCall.PropertyName, out var kind))
        {
            return;
        }

        switch (kind)
        {
            case BlockingCall.Result when node is MemberAccessExpressionSyntax access:
                Register(context, "Await the task", root, access, Awaited(access.Expression));
                break;
            case BlockingCall.GetResult when node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax awaiter } } }:
                Register(context, "Await the task", root, node, Awaited(awaiter.Expression));
                break;
            case BlockingCall.Wait when node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax wait, Parent: ExpressionStatementSyntax }:
                Register(context, "Await the task", root, node, Awaited(wait.Expression));
                break;
            case BlockingCall.Sleep when node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1, Parent: ExpressionStatementSyntax } sleep:
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Await Task.Delay with the step's token",
                        cancellationToken => DelayInsteadAsync(context.Document, root, sleep, cancellationToken),
                        equivalenceKey: nameof(BlockingCallInStepCodeFix) + BlockingCall.Sleep),
                    diagnostic);
                break;
        }
    }

    private static void Register(CodeFixContext context, string title, SyntaxNode root, SyntaxNode blocking, ExpressionSyntax replacement) =>
        context.RegisterCodeFix(
            CodeAction.Create(
                title,
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(blocking, replacement.WithTriviaFrom(blocking)))),
                equivalenceKey: nameof(BlockingCallInStepCodeFix)),
            context.Diagnostics[0]);

    private static ParenthesizedExpressionSyntax Awaited(ExpressionSyntax task) =>
        SyntaxFactory.ParenthesizedExpression(SyntaxFactory.AwaitExpression(task.WithoutTrivia()))
            .WithAdditionalAnnotations(Simplifier.Annotation);

    private static async Task<Document> DelayInsteadAsync(Document document, SyntaxNode root, InvocationExpressionSyntax sleep, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var step = StepSignature.StepAround(sleep)!;
        var token = model is null ? null : StepSignature.TokenParameter(step, model, cancellationToken);
        var name = token ?? StepSignature.FreeTokenName(step);
        var delay = SyntaxFactory.AwaitExpression(
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("global::System.Threading.Tasks.Task.Delay").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    sleep.ArgumentList.Arguments[0],
                    SyntaxFactory.Argument(SyntaxFactory.IdentifierName(name)),
                }))));
        var updated = step.ReplaceNode(sleep, delay.WithTriviaFrom(sleep));
        if (token is null)
        {
            updated = StepSignature.AddTokenParameter(updated, name);
        }

        return document.WithSyntaxRoot(root.ReplaceNode(step, updated));
    }

    /// <summary>Whether <c>await</c> is allowed here: inside an async method, local function or lambda, and not in a lock.</summary>
    private static bool CanAwaitAt(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case LockStatementSyntax:
                    return false;
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
            }
        }

        return false;
    }
}
