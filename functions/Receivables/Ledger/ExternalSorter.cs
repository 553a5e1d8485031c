namespace Receivables.Ledger;

/// <summary>
/// Sorts ledger rows by debtor and invoice with bounded memory: rows are sorted in chunks of
/// <c>chunkRows</c>, each chunk spilled to a temporary file, and the files merged in one pass.
/// </summary>
public sealed class ExternalSorter(int chunkRows, string tempFolder) : IDisposable
{
    private static readonly Comparer<LedgerRow> ByKey = Comparer<LedgerRow>.Create(LedgerRow.CompareKeys);
    private readonly List<string> files = [];
    private List<LedgerRow> buffer = [];
    private bool inOrder = true;
    private LedgerRow? last;

    public int Count { get; private set; }

    public int SpilledFiles => files.Count;

    public void Add(LedgerRow row)
    {
        if (last is not null && inOrder && LedgerRow.CompareKeys(last, row) > 0)
        {
            inOrder = false;
        }

        last = row;
        buffer.Add(row);
        Count++;
        if (buffer.Count >= chunkRows)
        {
            Spill();
        }
    }

    /// <summary>All rows added, in key order (rows with equal keys are adjacent).</summary>
    public IEnumerable<LedgerRow> Sorted()
    {
        if (files.Count == 0)
        {
            if (!inOrder)
            {
                buffer.Sort(ByKey);
            }

            return buffer;
        }

        Spill();
        return Merge();
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A temp file that cannot be deleted now is left to the OS.
            }
        }

        files.Clear();
        buffer = [];
    }

    private void Spill()
    {
        if (buffer.Count == 0)
        {
            return;
        }

        buffer.Sort(ByKey);
        Directory.CreateDirectory(tempFolder);
        var path = Path.Combine(tempFolder, $"ledger-sort-{Guid.NewGuid():N}.tsv");
        files.Add(path);
        using (var writer = new StreamWriter(path, SnapshotFormat.Utf8, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 1 << 20 }))
        {
            foreach (var row in buffer)
            {
                writer.Write(SnapshotFormat.RowLine(row));
                writer.Write('\n');
            }
        }

        buffer = new List<LedgerRow>(Math.Min(chunkRows, 1 << 20));
    }

    private IEnumerable<LedgerRow> Merge()
    {
        var readers = files.Select(f => new StreamReader(f, SnapshotFormat.Utf8, false, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, BufferSize = 1 << 18, Options = FileOptions.SequentialScan })).ToList();
        try
        {
            var queue = new PriorityQueue<int, LedgerRow>(ByKey);
            for (var i = 0; i < readers.Count; i++)
            {
                if (readers[i].ReadLine() is { } line)
                {
                    queue.Enqueue(i, SnapshotFormat.ParseRowLine(line));
                }
            }

            while (queue.TryDequeue(out var index, out var row))
            {
                yield return row;
                if (readers[index].ReadLine() is { } next)
                {
                    queue.Enqueue(index, SnapshotFormat.ParseRowLine(next));
                }
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }
}
