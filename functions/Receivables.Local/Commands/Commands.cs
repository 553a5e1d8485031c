using System.CommandLine;

namespace Receivables.Local.Commands;

/// <summary>Every operator command; each feature adds its own file and one line here.</summary>
internal static class Commands
{
    public static IEnumerable<Command> All() =>
    [
        ServeCommand.Build(),
        DemoCommand.Build(),
        CycleCommand.Build(),
        CreditorsCommand.Build(),
        BenchCycleCommand.Build(),
        TasksCommand.Build(),
        CasesCommand.Build(),
        EvidenceCommand.Build(),
        PlansCommand.Build(),
        SetOffCommand.Build(),
        HandoverCommand.Build(),
        RepliesCommands.Reply(),
        RepliesCommands.Replies(),
        ImportCommand.Build(),
        PaymentsCommand.Build(),
        StatusCommand.Build(),
        RenderSamplesCommand.Build(),
        LinksCommand.Build(),
    ];
}
