using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Npgsql;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>Sends a COPY's full buffers from a thread of its own, so whoever encodes the rows (the fold itself, for
/// the notes) does not wait on the socket: it waits only when PostgreSQL falls <see cref="Depth"/> buffers behind.
/// Buffers come back for reuse once sent.</summary>
internal sealed class CopySender
{
    private const int Depth = 8;

    private readonly NpgsqlRawCopyStream _stream;
    private readonly BlockingCollection<(byte[] Buffer, int Length)> _full = new(Depth);
    private readonly ConcurrentQueue<byte[]> _free = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sending;
    private ExceptionDispatchInfo? _failure;

    public CopySender(NpgsqlRawCopyStream stream)
    {
        _stream = stream;
        _sending = Task.Factory.StartNew(Send, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Sending failed: the connection ended the COPY with its error, so there is nothing left to cancel.</summary>
    public bool Failed => _failure is not null;

    /// <summary>Queues the first <paramref name="length"/> bytes of <paramref name="buffer"/> and returns an empty
    /// buffer at least as large; throws what the sending failed with.</summary>
    public byte[] Queue(byte[] buffer, int length)
    {
        try
        {
            _full.Add((buffer, length), _stop.Token);
        }
        catch (OperationCanceledException)
        {
            _failure?.Throw();
            throw;
        }
        return _free.TryDequeue(out var spare) && spare.Length >= buffer.Length ? spare : new byte[buffer.Length];
    }

    /// <summary>Returns once everything queued has been written to the stream; throws what the sending failed with.</summary>
    public async Task Drain()
    {
        _full.CompleteAdding();
        await _sending;
        _failure?.Throw();
    }

    /// <summary>Stops sending, dropping what is queued (the COPY is being cancelled).</summary>
    public async Task Abandon()
    {
        _full.CompleteAdding();
        await _stop.CancelAsync();
        await _sending;
    }

    private void Send()
    {
        try
        {
            foreach (var (buffer, length) in _full.GetConsumingEnumerable(_stop.Token))
            {
                _stream.Write(buffer, 0, length);
                _free.Enqueue(buffer);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
            _stop.Cancel();
        }
    }
}
