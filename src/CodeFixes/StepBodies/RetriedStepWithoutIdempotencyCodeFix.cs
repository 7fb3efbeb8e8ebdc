using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inquir.Typed.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Inquir.Typed.CodeFixes.StepBodies;

/// <summary>
/// INQ2001: declares the step <c>Idempotent = true</c>, or, when the step takes no <c>StepContext</c>, adds one so
/// that the body can pass <c>ctx.IdempotencyKey</c> on.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RetriedStepWithoutIdempotencyCodeFix))]
[Shared]
public sealed class RetriedStepWithoutIdempotencyCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix that sets <c>Idempotent = true</c>.</summary>
    public const string DeclareIdempotentKey = "DeclareIdempotent";

    /// <summary>The equivalence key of the fix that adds a StepContext parameter.</summary>
    public const string AddStepContextKey = "AddStepContext";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("INQ2001");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var diagnostic = context.Diagnostics[0];
        if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not MethodDeclarationSyntax method || model is null)
        {
            return;
        }

        if (StepSignature.ContextParameter(method, model, context.CancellationToken) is null)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add a StepContext parameter to read ctx.IdempotencyKey",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(
                        root.ReplaceNode(method, StepSignature.AddContextParameter(method, StepSignature.FreeContextName(method))))),
                    AddStepContextKey),
                diagnostic);
        }

        var attribute = StepAttribute(method, model, context.CancellationToken);
        if (attribute is not null)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Declare the step Idempotent = true",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, DeclaredIdempotent(attribute)))),
                    DeclareIdempotentKey),
                diagnostic);
        }
    }

    private static AttributeSyntax? StepAttribute(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        var step = model.Compilation.GetTypeByMetadataName("Inquir.Typed.StepAttribute");
        return method.AttributeLists.SelectMany(list => list.Attributes).FirstOrDefault(attribute =>
            SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(attribute, cancellationToken).Type, step));
    }

    /// <summary>Sets <c>Idempotent = true</c>, replacing an explicit <c>Idempotent = false</c> when there is one.</summary>
    private static AttributeSyntax DeclaredIdempotent(AttributeSyntax attribute)
    {
        var value = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);
        var existing = attribute.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == "Idempotent");
        if (existing is not null)
        {
            return attribute.ReplaceNode(existing.Expression, value.WithTriviaFrom(existing.Expression));
        }

        var argument = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Idempotent")),
            nameColon: null,
            value);
        var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        return attribute
            .WithArgumentList(arguments.WithArguments(arguments.Arguments.Add(argument)))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
