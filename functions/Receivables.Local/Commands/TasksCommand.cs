using System.CommandLine;
using Receivables.Actions;

namespace Receivables.Local.Commands;

/// <summary><c>tasks list</c> and <c>tasks done</c>: the work the system asks a person to do.</summary>
internal static class TasksCommand
{
    public static Command Build()
    {
        var command = new Command("tasks", "Work for a person: calls, disputes, unmatched replies, decisions.");

        var all = new Option<bool>("--all") { Description = "Include completed tasks." };
        var list = new Command("list", "List open tasks (all creditors).") { all };
        list.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var tasks = new List<WorkTask>();
            await foreach (var task in host.Get<ITaskStore>().ListAsync(openOnly: !parse.GetValue(all), cancellationToken: token))
            {
                tasks.Add(task);
            }

            foreach (var task in tasks.OrderBy(t => t.IsOpen ? 0 : 1).ThenBy(t => TaskPriorities.Rank(t.Facts.Priority)).ThenBy(t => t.Facts.DueDate).ThenBy(t => t.CreatedAt))
            {
                Console.WriteLine($"{task.TaskId}  {task.CreditorId}/{task.DebtorId ?? "-"}  {task.Kind,-18} {(task.IsOpen ? "open" : "done: " + task.Outcome)}  {TaskText.Facts(task)}  {task.Title}");
            }

            Console.WriteLine(tasks.Count == 0 ? "No tasks." : $"{tasks.Count} task(s).");
            return 0;
        }, ct));

        var id = new Argument<string>("id") { Description = "The task id (from 'tasks list')." };
        var creditor = new Option<string?>("--creditor") { Description = "The creditor id, when more than one is configured." };
        var outcome = new Option<string>("--outcome") { Description = "What happened (call-debtor: promise, dispute, plan, no-answer; review-dispute: upheld, rejected, partly; decide-escalation: collection, plan, extend, write-down; 'tasks show <id>' lists a task's outcomes).", Required = true };
        var amount = new Option<string?>("--amount") { Description = "An amount, e.g. 5000.00: what is credited (review-dispute partly) or promised (call-debtor promise)." };
        var note = new Option<string?>("--note") { Description = "A note for the record." };
        var date = new Option<string?>("--date") { Description = "yyyy-MM-dd: the promised payment date (promise), the new deadline (extend; a resolved dispute, default 14 days)." };
        var by = new Option<string>("--by") { Description = "Who decided (recorded as person:<name> in the evidence).", DefaultValueFactory = _ => "operator" };
        var done = new Command("done", "Record the outcome of a task and close it; the outcome moves the case (see docs/levers.md).") { id, creditor, outcome, note, date, amount, by };
        done.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var store = host.Get<ITaskStore>();
            var taskId = parse.GetValue(id)!;
            var creditorId = parse.GetValue(creditor);
            if (creditorId is null)
            {
                await foreach (var task in store.ListAsync(openOnly: false, cancellationToken: token))
                {
                    if (task.TaskId == taskId)
                    {
                        creditorId = task.CreditorId;
                        break;
                    }
                }
            }

            if (creditorId is null)
            {
                throw new Common.ReceivablesException($"No task '{taskId}'. See 'tasks list --all'.");
            }

            var recorded = new TaskOutcome(parse.GetValue(outcome)!, parse.GetValue(note), Cli.ParseDate(parse.GetValue(date), "--date"), Evidence.Actors.Person(parse.GetValue(by)!), TaskText.ParseAmount(parse.GetValue(amount)));
            var (completed, effect) = await host.Get<TaskOutcomes>().CompleteAsync(creditorId, taskId, recorded, token);
            Console.WriteLine($"{completed.TaskId} done: {completed.Outcome} ({effect})");
            return 0;
        }, ct));

        var showId = new Argument<string>("id") { Description = "The task id (from 'tasks list')." };
        var show = new Command("show", "Show a task's details: contact, claim and talking points of a call; the gate's recommendation and reasons.") { showId };
        show.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var taskId = parse.GetValue(showId)!;
            await foreach (var task in host.Get<ITaskStore>().ListAsync(openOnly: false, cancellationToken: token))
            {
                if (task.TaskId == taskId)
                {
                    Console.WriteLine($"{task.TaskId}  {task.CreditorId}/{task.DebtorId ?? "-"}  {task.Kind}  {(task.IsOpen ? "open" : "done: " + task.Outcome + (task.Note is null ? "" : " – " + task.Note))}");
                    Console.WriteLine(task.Title);
                    Console.WriteLine("  " + TaskText.Facts(task));
                    if (task.Facts.Phone is { } phone)
                    {
                        Console.WriteLine("  Phone: " + phone);
                    }

                    if (task.Facts.Quote is { } quote)
                    {
                        Console.WriteLine("  The debtor wrote:");
                        foreach (var line in quote.ReplaceLineEndings("\n").Split('\n'))
                        {
                            Console.WriteLine("    > " + line);
                        }
                    }

                    foreach (var part in task.Details.Split(". ", StringSplitOptions.RemoveEmptyEntries))
                    {
                        Console.WriteLine("  " + part.TrimEnd('.') + ".");
                    }

                    var outcomes = host.Get<TaskOutcomes>().OutcomesOf(task.Kind);
                    Console.WriteLine(outcomes.Count == 0 ? "  Closed by the feature that opened it." : "  Outcomes: " + string.Join(", ", outcomes));

                    return 0;
                }
            }

            throw new Common.ReceivablesException($"No task '{taskId}'. See 'tasks list --all'.");
        }, ct));

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        command.Subcommands.Add(done);
        return command;
    }
}
