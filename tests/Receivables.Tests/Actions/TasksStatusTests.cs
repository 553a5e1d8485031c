using Receivables.Actions;
using Receivables.Status;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Actions;

public sealed class TasksStatusTests
{
    [Fact]
    public async Task Status_shows_open_tasks_per_kind_and_leaves_out_completed_ones()
    {
        await using var host = await TestHost.StartHostAsync();
        var tasks = host.Get<ITaskStore>();
        await tasks.OpenAsync(TestSettings.Creditor, TaskKinds.ReviewDispute, "D1", null, "Dispute from Fjord Fisk", "damaged goods", "k1");
        await tasks.OpenAsync(TestSettings.Creditor, TaskKinds.ReviewDispute, "D1", null, "Dispute from Fjord Fisk", "damaged goods", "k1"); // retried: same task
        var call = await tasks.OpenAsync(TestSettings.Creditor, TaskKinds.CallDebtor, "D2", null, "Call Kari", "", "k2");
        await tasks.OpenAsync(TestSettings.Creditor, TaskKinds.ContactChange, "D3", null, "New contact", "", "k3");
        await tasks.CompleteAsync(TestSettings.Creditor, call.TaskId, "promise", "pays Friday");

        var report = await host.Get<StatusService>().BuildAsync();

        var section = report.Creditors.Single(c => c.CreditorId == TestSettings.Creditor).Sections.OfType<TasksStatusSection>().Single();
        section.Open.ShouldBe(2);
        section.OpenPerKind.ShouldBe(new Dictionary<string, int> { [TaskKinds.ContactChange] = 1, [TaskKinds.ReviewDispute] = 1 });
        report.ToJson().ShouldContain("\"tasks\"");
    }
}
