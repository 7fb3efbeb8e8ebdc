using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Inquir.Typed.Generators.Model;
using Inquir.Typed.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.Generators
{
    /// <summary>Turns a <c>[Workflow]</c> class's symbols into a <see cref="WorkflowModel"/> and the errors that stop generation.</summary>
    internal static class WorkflowParser
    {
        private const string StepAttributeName = "Inquir.Typed.StepAttribute";
        private const string IdempotencyKeyAttributeName = "Inquir.Typed.IdempotencyKeyAttribute";
        private const string StepContextName = "Inquir.Typed.StepContext";
        private const string NoValueType = "global::Inquir.Typed.NoValue";
        private static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromMinutes(5);
        private const int DefaultRetries = 3;
        private const int MaxRetries = 1000;

        /// <summary>Type names as generated code writes them: <c>global::</c>, keywords escaped, nullable annotations kept.</summary>
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>Type names for <c>typeof</c>, where a nullable reference annotation is not allowed.</summary>
        private static readonly SymbolDisplayFormat TypeOfFormat = SymbolDisplayFormat.FullyQualifiedFormat;

        private static readonly SymbolDisplayFormat NamespaceFormat = new(
            globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

        /// <summary>The pipeline's transform. Returns null for a class that is not <c>partial</c>: an analyzer explains that.</summary>
        public static WorkflowParseResult? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type
                || type.TypeKind != TypeKind.Class
                || context.TargetNode is not TypeDeclarationSyntax declaration
                || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }

            var compilation = context.SemanticModel.Compilation;
            var diagnostics = new List<DiagnosticInfo>();
            var classLocation = LocationInfo.From(declaration.Identifier.GetLocation());
            var className = type.Name;

            var attribute = context.Attributes[0];
            var workflowName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            var nameSyntax = (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments.FirstOrDefault();
            var nameLocation = LocationInfo.From(nameSyntax) ?? classLocation;
            if (workflowName is null || workflowName.Trim().Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyWorkflowName, nameLocation, className));
            }

            CheckClass(type, classLocation, diagnostics, cancellationToken);

            var steps = new List<(IMethodSymbol Method, StepModel? Model)>();
            var seenNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary)
                {
                    continue;
                }

                var stepAttribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == StepAttributeName);
                if (stepAttribute is null)
                {
                    continue;
                }

                if (!seenNames.Add(method.Name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateStepName, LocationOf(method), className, method.Name));
                }

                steps.Add((method, ParseStep(method, stepAttribute, compilation, diagnostics, cancellationToken)));
            }

            if (steps.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoSteps, classLocation, className));
            }

            CheckChain(steps, compilation, diagnostics);

            WorkflowModel? model = null;
            var shapes = EquatableArray<TypeShapeModel>.Empty;
            if (diagnostics.Count == 0)
            {
                model = BuildModel(type, workflowName!, steps.Select(s => s.Model!).ToList(), steps, compilation, classLocation, diagnostics);
            }

            if (model is not null && diagnostics.Count == 0)
            {
                (model, shapes) = AddSerializers(model, steps, compilation, diagnostics, cancellationToken);
            }

            return new WorkflowParseResult(
                diagnostics.Count == 0 ? model : null,
                workflowName ?? string.Empty,
                nameLocation,
                new EquatableArray<DiagnosticInfo>(diagnostics),
                diagnostics.Count == 0 ? shapes : EquatableArray<TypeShapeModel>.Empty);
        }

        private static void CheckClass(INamedTypeSymbol type, LocationInfo? classLocation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.TypeParameters.Length > 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericWorkflow, classLocation, type.Name));
                    break;
                }
            }

            if (type.IsStatic || type.IsAbstract)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WorkflowNotConstructible, classLocation, type.Name, type.IsStatic ? "static" : "abstract"));
            }

            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
                {
                    var what = ReferenceEquals(t, type) ? "it is " : "its containing type '" + t.Name + "' is ";
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.WorkflowNotAccessible,
                        classLocation,
                        type.Name,
                        what + Describe(t.DeclaredAccessibility) + "; make it public or internal"));
                    return;
                }
            }

            for (var t = type.ContainingType; t is not null; t = t.ContainingType)
            {
                foreach (var reference in t.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax containing
                        && !containing.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            DiagnosticDescriptors.WorkflowNotAccessible,
                            classLocation,
                            type.Name,
                            "its containing type '" + t.Name + "' is not partial; add the partial modifier to it"));
                        return;
                    }
                }
            }
        }

        private static string Describe(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Private => "private",
            Accessibility.Protected => "protected",
            Accessibility.ProtectedOrInternal => "protected internal",
            Accessibility.ProtectedAndInternal => "private protected",
            _ => "not accessible",
        };

        private static StepModel? ParseStep(IMethodSymbol method, AttributeData attribute, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var errorsBefore = diagnostics.Count;
            var location = LocationOf(method);
            void Unsupported(string reason) =>
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedStepSignature, location, method.Name, reason));

            if (method.IsStatic)
            {
                Unsupported("is static");
            }

            if (method.DeclaredAccessibility != Accessibility.Public)
            {
                Unsupported("is not public");
            }

            if (method.IsGenericMethod)
            {
                Unsupported("is generic");
            }

            if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                Unsupported("returns by reference");
            }

            if (method.IsAsync && method.ReturnsVoid)
            {
                Unsupported("is async void, so its failures cannot be observed");
            }

            var cancellationTokenType = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            var parameters = new List<StepParameterKind>();
            IParameterSymbol? data = null;
            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None)
                {
                    Unsupported("has a ref, out or in parameter '" + parameter.Name + "'");
                    continue;
                }

                StepParameterKind kind;
                if (parameter.Type.ToDisplayString() == StepContextName)
                {
                    kind = StepParameterKind.Context;
                }
                else if (SymbolEqualityComparer.Default.Equals(parameter.Type, cancellationTokenType))
                {
                    kind = StepParameterKind.CancellationToken;
                }
                else
                {
                    kind = StepParameterKind.Data;
                    if (data is not null)
                    {
                        Unsupported("takes two data parameters, '" + data.Name + "' and '" + parameter.Name + "'");
                        continue;
                    }

                    data = parameter;
                }

                if (kind != StepParameterKind.Data && parameters.Contains(kind))
                {
                    Unsupported("takes more than one " + (kind == StepParameterKind.Context ? "StepContext" : "CancellationToken"));
                    continue;
                }

                parameters.Add(kind);
            }

            var (returnKind, output) = ClassifyReturn(method, compilation);
            var policy = ParsePolicy(method, attribute, diagnostics, cancellationToken);
            var nonRetryable = new List<string>();
            var idempotent = false;
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "NonRetryable" && argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull)
                {
                    foreach (var item in argument.Value.Values)
                    {
                        if (item.Value is ITypeSymbol exceptionType && exceptionType.TypeKind != TypeKind.Error)
                        {
                            nonRetryable.Add(exceptionType.ToDisplayString(TypeOfFormat));
                        }
                    }
                }
                else if (argument.Key == "Idempotent" && argument.Value.Value is bool flag)
                {
                    idempotent = flag;
                }
            }

            if (diagnostics.Count != errorsBefore || policy is null)
            {
                return null;
            }

            return new StepModel(
                method.Name,
                data?.Type.ToDisplayString(TypeFormat),
                new EquatableArray<StepParameterKind>(parameters),
                returnKind,
                output?.ToDisplayString(TypeFormat),
                policy,
                new EquatableArray<string>(nonRetryable),
                idempotent);
        }

        /// <summary>Splits a return type into how to call the method and the type of the value it produces.</summary>
        private static (StepReturnKind Kind, ITypeSymbol? Output) ClassifyReturn(IMethodSymbol method, Compilation compilation)
        {
            if (method.ReturnsVoid)
            {
                return (StepReturnKind.Void, null);
            }

            var returnType = method.ReturnType;
            var task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            var valueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
            var taskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            var valueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            if (SymbolEqualityComparer.Default.Equals(returnType, task) || SymbolEqualityComparer.Default.Equals(returnType, valueTask))
            {
                return (StepReturnKind.Awaitable, null);
            }

            if (returnType is INamedTypeSymbol { IsGenericType: true } generic
                && (SymbolEqualityComparer.Default.Equals(generic.OriginalDefinition, taskOfT)
                    || SymbolEqualityComparer.Default.Equals(generic.OriginalDefinition, valueTaskOfT)))
            {
                return (StepReturnKind.AwaitableValue, generic.TypeArguments[0]);
            }

            return (StepReturnKind.Value, returnType);
        }

        private static StepPolicyModel? ParsePolicy(IMethodSymbol method, AttributeData attribute, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var errorsBefore = diagnostics.Count;
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            LocationInfo? ArgumentLocation(string name) =>
                LocationInfo.From(syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name))
                ?? LocationOf(method);

            var retries = DefaultRetries;
            var backoff = "Exponential";
            var delay = DefaultDelay;
            TimeSpan? maxDelay = null;
            TimeSpan? timeout = null;

            TimeSpan? ReadDuration(string name, string? text)
            {
                if (!DurationText.TryParse(text, out var duration, out var error))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDuration, ArgumentLocation(name), method.Name, name, error));
                    return null;
                }

                return duration;
            }

            foreach (var argument in attribute.NamedArguments)
            {
                var value = argument.Value.Kind == TypedConstantKind.Array ? null : argument.Value.Value;
                switch (argument.Key)
                {
                    case "Retries" when value is int count:
                        if (count < 0 || count > MaxRetries)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(
                                DiagnosticDescriptors.RetriesOutOfRange,
                                ArgumentLocation("Retries"),
                                method.Name,
                                count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                        }

                        retries = count;
                        break;
                    case "Backoff":
                        if (BackoffText.TryParse(value as string, out var kind))
                        {
                            backoff = kind;
                        }
                        else
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBackoff, ArgumentLocation("Backoff"), method.Name, value as string ?? "null"));
                        }

                        break;
                    case "Delay" when value is not null:
                        delay = ReadDuration("Delay", value as string) ?? delay;
                        break;
                    case "MaxDelay" when value is not null:
                        maxDelay = ReadDuration("MaxDelay", value as string);
                        break;
                    case "Timeout" when value is not null:
                        timeout = ReadDuration("Timeout", value as string);
                        if (timeout == TimeSpan.Zero)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(
                                DiagnosticDescriptors.InvalidDuration,
                                ArgumentLocation("Timeout"),
                                method.Name,
                                "Timeout",
                                "\"" + value + "\" is zero, which would cancel every attempt at once; give a positive duration or leave Timeout out"));
                        }

                        break;
                }
            }

            if (diagnostics.Count != errorsBefore)
            {
                return null;
            }

            if (maxDelay is { } max && max < delay)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.MaxDelayShorterThanDelay,
                    ArgumentLocation("MaxDelay"),
                    method.Name,
                    Quote(attribute, "MaxDelay") ?? "(default)",
                    Quote(attribute, "Delay") ?? "(default 1s)"));
                return null;
            }

            var effectiveMax = maxDelay ?? (delay > DefaultMaxDelay ? delay : DefaultMaxDelay);
            return new StepPolicyModel(retries, backoff, delay.Ticks, effectiveMax.Ticks, timeout?.Ticks);
        }

        private static string? Quote(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is string text)
                {
                    return "\"" + text + "\"";
                }
            }

            return null;
        }

        /// <summary>Checks that each step's data parameter takes what the step before it returns.</summary>
        private static void CheckChain(List<(IMethodSymbol Method, StepModel? Model)> steps, Compilation compilation, List<DiagnosticInfo> diagnostics)
        {
            for (var i = 1; i < steps.Count; i++)
            {
                var previous = steps[i - 1].Method;
                var current = steps[i].Method;
                if (steps[i - 1].Model is null || steps[i].Model is null)
                {
                    continue; // the signature error already explains the step
                }

                var output = ClassifyReturn(previous, compilation).Output;
                var data = DataParameter(current, compilation);
                if (output is null && data is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.UnexpectedStepInput,
                        LocationOf(data),
                        current.Name,
                        "parameter '" + data.Name + "' of type " + data.Type.ToDisplayString(),
                        previous.Name));
                }
                else if (output is not null && data is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingStepInput, LocationOf(current), current.Name, previous.Name, output.ToDisplayString()));
                }
                else if (output is not null && data is not null)
                {
                    var conversion = compilation.ClassifyConversion(output, data.Type);
                    if (!conversion.IsIdentity && !(conversion.IsImplicit && conversion.IsReference))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            DiagnosticDescriptors.StepInputMismatch,
                            LocationOf(data),
                            current.Name,
                            data.Type.ToDisplayString(),
                            output.ToDisplayString(),
                            previous.Name));
                    }
                }
            }
        }

        /// <summary>Parses every type that crosses a step boundary, and records which serializer each step uses.</summary>
        private static (WorkflowModel Model, EquatableArray<TypeShapeModel> Shapes) AddSerializers(
            WorkflowModel model,
            List<(IMethodSymbol Method, StepModel? Model)> steps,
            Compilation compilation,
            List<DiagnosticInfo> diagnostics,
            CancellationToken cancellationToken)
        {
            var types = new CheckpointTypeParser(compilation, cancellationToken);
            var withSerializers = new List<StepModel>();
            foreach (var (method, step) in steps)
            {
                var data = DataParameter(method, compilation);
                var output = ClassifyReturn(method, compilation).Output;
                withSerializers.Add(step! with
                {
                    DataSerializer = data is null
                        ? null
                        : types.AddRoot(data.Type, "the data parameter '" + data.Name + "' of step '" + method.Name + "'", LocationOf(data)),
                    OutputSerializer = output is null
                        ? null
                        : types.AddRoot(output, "the output of step '" + method.Name + "'", LocationOf(method)),
                });
            }

            diagnostics.AddRange(types.Diagnostics);
            var first = withSerializers[0];
            var last = withSerializers[withSerializers.Count - 1];
            return (
                model with
                {
                    Steps = new EquatableArray<StepModel>(withSerializers),
                    InputSerializer = first.DataSerializer,
                    ResultSerializer = last.OutputSerializer,
                },
                new EquatableArray<TypeShapeModel>(types.Shapes));
        }

        private static IParameterSymbol? DataParameter(IMethodSymbol method, Compilation compilation)
        {
            var cancellationTokenType = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            return method.Parameters.FirstOrDefault(p =>
                p.Type.ToDisplayString() != StepContextName && !SymbolEqualityComparer.Default.Equals(p.Type, cancellationTokenType));
        }

        private static WorkflowModel? BuildModel(
            INamedTypeSymbol type,
            string workflowName,
            List<StepModel> steps,
            List<(IMethodSymbol Method, StepModel? Model)> symbols,
            Compilation compilation,
            LocationInfo? classLocation,
            List<DiagnosticInfo> diagnostics)
        {
            var firstMethod = symbols[0].Method;
            var inputSymbol = DataParameter(firstMethod, compilation)?.Type;
            var resultSymbol = ClassifyReturn(symbols[symbols.Count - 1].Method, compilation).Output;
            foreach (var (role, symbol) in new[] { ("input", inputSymbol), ("result", resultSymbol) })
            {
                if (symbol is not null && !IsVisibleOutsideClass(symbol))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InaccessibleDataType, classLocation, type.Name, role, symbol.ToDisplayString()));
                }
            }

            if (diagnostics.Count > 0)
            {
                return null;
            }

            var containing = new List<ContainingTypeModel>();
            for (var t = type.ContainingType; t is not null; t = t.ContainingType)
            {
                containing.Insert(0, new ContainingTypeModel(Keyword(t), t.Name));
            }

            var isPublic = IsPublic(type)
                && (inputSymbol is null || IsPublic(inputSymbol))
                && (resultSymbol is null || IsPublic(resultSymbol));

            var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString(NamespaceFormat) : string.Empty;
            var fullName = type.ToDisplayString(TypeOfFormat);
            return new WorkflowModel(
                workflowName,
                ns,
                type.Name,
                type.IsRecord ? "record" : "class",
                fullName,
                HintName(fullName),
                new EquatableArray<ContainingTypeModel>(containing),
                isPublic,
                steps[0].DataType ?? NoValueType,
                steps[0].DataType is null,
                inputSymbol?.IsReferenceType ?? false,
                steps[steps.Count - 1].OutputType ?? NoValueType,
                inputSymbol is null ? null : FindIdempotencyKey(inputSymbol, type, compilation),
                new EquatableArray<StepModel>(steps),
                null,
                null);
        }

        private static IdempotencyKeyModel? FindIdempotencyKey(ITypeSymbol input, INamedTypeSymbol workflow, Compilation compilation)
        {
            var formattable = compilation.GetTypeByMetadataName("System.IFormattable");
            for (var t = input; t is not null; t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member.IsStatic
                        || !member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == IdempotencyKeyAttributeName)
                        || !compilation.IsSymbolAccessibleWithin(member, workflow))
                    {
                        continue;
                    }

                    ITypeSymbol? memberType = member switch
                    {
                        IPropertySymbol { GetMethod: not null, Parameters.Length: 0 } p => p.Type,
                        IFieldSymbol f => f.Type,
                        _ => null,
                    };
                    if (memberType is null)
                    {
                        continue;
                    }

                    var isNullableValue = memberType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
                    var underlying = isNullableValue ? ((INamedTypeSymbol)memberType).TypeArguments[0] : memberType;
                    var conversion = underlying.SpecialType == SpecialType.System_String
                        ? IdempotencyKeyConversion.String
                        : underlying.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, formattable)) || SymbolEqualityComparer.Default.Equals(underlying, formattable)
                            ? IdempotencyKeyConversion.Formattable
                            : IdempotencyKeyConversion.ToString;
                    return new IdempotencyKeyModel(member.Name, conversion, isNullableValue || memberType.IsReferenceType);
                }
            }

            return null;
        }

        private static bool IsPublic(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol array => IsPublic(array.ElementType),
            INamedTypeSymbol named => IsChainPublic(named) && named.TypeArguments.All(IsPublic),
            _ => type.DeclaredAccessibility == Accessibility.Public,
        };

        private static bool IsChainPublic(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility != Accessibility.Public)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether code at namespace level in the same assembly can name the type.</summary>
        private static bool IsVisibleOutsideClass(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol array => IsVisibleOutsideClass(array.ElementType),
            INamedTypeSymbol named => IsChainVisible(named) && named.TypeArguments.All(IsVisibleOutsideClass),
            _ => true,
        };

        private static bool IsChainVisible(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.NotApplicable))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Keyword(INamedTypeSymbol type)
        {
            var prefix = type.IsStatic ? "static partial " : "partial ";
            if (type.IsRecord)
            {
                return prefix + (type.IsValueType ? "record struct" : "record");
            }

            return prefix + type.TypeKind switch
            {
                TypeKind.Struct => "struct",
                TypeKind.Interface => "interface",
                _ => "class",
            };
        }

        private static string HintName(string fullyQualifiedName)
        {
            var name = fullyQualifiedName.StartsWith("global::", StringComparison.Ordinal) ? fullyQualifiedName.Substring(8) : fullyQualifiedName;
            var chars = name.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (!char.IsLetterOrDigit(chars[i]) && chars[i] != '.' && chars[i] != '_')
                {
                    chars[i] = '_';
                }
            }

            return new string(chars) + ".g.cs";
        }

        private static LocationInfo? LocationOf(ISymbol symbol) => LocationInfo.From(symbol.Locations.FirstOrDefault());
    }
}
