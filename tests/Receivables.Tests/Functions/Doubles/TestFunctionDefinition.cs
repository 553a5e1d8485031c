using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace Receivables.Tests.Functions.Doubles;

/// <summary>The definition of the function a <see cref="TestFunctionContext"/> invokes: only its name is read.</summary>
public sealed class TestFunctionDefinition(string name) : FunctionDefinition
{
    public override ImmutableArray<FunctionParameter> Parameters => [];

    public override string PathToAssembly => typeof(Receivables.Functions.Triggers.DunningTimer).Assembly.Location;

    public override string EntryPoint => name + ".Run";

    public override string Id => name;

    public override string Name => name;

    public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
}
