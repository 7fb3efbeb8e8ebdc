#!/usr/bin/env bash
# Times the source generator the way a command line and CI meet it: a plain
# `dotnet build --no-incremental -p:ReportAnalyzer=true` of a project with 300 workflows x 5 steps (each step its own
# record type), each run in a fresh compiler process (no compiler server). Prints, per run, the generator's and the
# Inquir analyzers' times as csc reports them, then the generator's median.
#
#   scripts/measure-generator-build.sh [runs=3] [generator.dll ...]
#
# With dll paths (say a copy of an older build of src/Generators), the runs alternate between them, so that a loaded
# machine weighs on each alike. src/Runtime, src/Generators and src/Analyzers are built in Release first; the project
# references them without rebuilding them (BuildProjectReferences=false), so only its own compilation is timed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
shift || true
root="$(pwd)"
generators=("$@")
[ ${#generators[@]} -gt 0 ] || generators=("$root/src/Generators/bin/Release/netstandard2.0/Inquir.Typed.Generators.dll")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for project in src/Runtime src/Generators src/Analyzers; do
  dotnet build "$project" -c Release -v:q -nologo >/dev/null
done

cat >"$work/GeneratorLoad.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <UseSharedCompilation>false</UseSharedCompilation>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$root/src/Runtime/Inquir.Typed.csproj" />
    <Analyzer Include="\$(InquirGenerator)" />
    <Analyzer Include="$root/src/Analyzers/bin/Release/netstandard2.0/Inquir.Typed.Analyzers.dll" />
  </ItemGroup>
</Project>
XML

for ((i = 0; i < 300; i++)); do
  {
    echo "using Inquir.Typed;"
    echo "namespace Load.W$i;"
    for ((s = 0; s <= 5; s++)); do
      echo "public sealed record Data$s(int Count, string Name, decimal Amount, DateTimeOffset At, List<Line> Lines);"
    done
    echo "public sealed record Line(string Sku, int Quantity);"
    echo "[Workflow(\"workflow-$i\")]"
    echo "public sealed partial class Workflow$i"
    echo "{"
    for ((s = 0; s < 5; s++)); do
      echo "    [Step(Retries = $s, Backoff = \"linear\", Delay = \"2s\", MaxDelay = \"1m\")]"
      echo "    public Task<Data$((s + 1))> Step$s(Data$s input, StepContext ctx, CancellationToken ct)"
      echo "        => Task.FromResult(new Data$((s + 1))(input.Count + 1, input.Name, input.Amount, input.At, input.Lines));"
    done
    echo "}"
  } >"$work/Workflow$i.cs"
done

dotnet restore "$work/GeneratorLoad.csproj" -p:Configuration=Release -v:q -nologo >/dev/null
declare -A times
for ((r = 1; r <= runs; r++)); do
  for generator in "${generators[@]}"; do
    log="$work/build.log"
    if ! dotnet build "$work/GeneratorLoad.csproj" -c Release --no-restore --no-incremental -p:BuildProjectReferences=false \
      -p:InquirGenerator="$generator" -p:ReportAnalyzer=true -v:d -nologo >"$log"; then
      grep -E ' error ' "$log" | cut -c1-300 | sort -u | head -20 >&2
      exit 1
    fi
    # One awk per value, no pipeline: a reader that stops early would fail the pipeline under pipefail.
    generator_time="$(awk '/Total generator execution time/ { on = 1 } on && /Inquir.Typed.Generators,/ { print $1; exit }' "$log")"
    analyzer_time="$(awk '/Total analyzer execution time/ { on = 1 } on && /Inquir.Typed.Analyzers,/ { print $1; exit }' "$log")"
    echo "run $r, $generator: generator $generator_time s, Inquir analyzers $analyzer_time s"
    times[$generator]+="$generator_time "
  done
done
for generator in "${generators[@]}"; do
  median="$(printf '%s\n' ${times[$generator]} | sort -n | sed -n "$(((runs + 1) / 2))p")"
  echo "generator median of $runs ($generator): $median s"
done
