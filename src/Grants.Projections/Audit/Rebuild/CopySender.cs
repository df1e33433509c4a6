using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Npgsql;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>Sends a COPY's full buffers in the background, so whoever encodes the rows (the fold itself, for the notes)
/// does not wait on the socket. Queuing never blocks: the encoder may be running on the socket engine's own thread
/// (with inline completions, whatever follows an awaited read does), and a thread that blocked there until the sender's
/// write went through would wait for itself. Back-pressure is <see cref="Paced"/> instead, which the encoder awaits
/// between rows: it waits only when PostgreSQL falls more than <see cref="Depth"/> buffers behind. Buffers come back
/// for reuse once sent.</summary>
internal sealed class CopySender
{
    private const int Depth = 8;

    private readonly NpgsqlRawCopyStream _stream;
    private readonly Channel<(byte[] Buffer, int Length)> _full =
        Channel.CreateUnbounded<(byte[] Buffer, int Length)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly ConcurrentQueue<byte[]> _free = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Task _sending;
    private int _backlog;
    private TaskCompletionSource? _room;
    private ExceptionDispatchInfo? _failure;

    public CopySender(NpgsqlRawCopyStream stream)
    {
        _stream = stream;
        _sending = Task.Run(Send);
    }

    /// <summary>Sending failed: the connection ended the COPY with its error, so there is nothing left to cancel.</summary>
    public bool Failed => _failure is not null;

    /// <summary>Queues the first <paramref name="length"/> bytes of <paramref name="buffer"/> and returns an empty
    /// buffer at least as large; throws what the sending failed with.</summary>
    public byte[] Queue(byte[] buffer, int length)
    {
        _failure?.Throw();
        lock (_gate)
            _backlog++;
        if (!_full.Writer.TryWrite((buffer, length)))
            throw new InvalidOperationException("The COPY has been completed or abandoned.");
        return _free.TryDequeue(out var spare) && spare.Length >= buffer.Length ? spare : new byte[buffer.Length];
    }

    /// <summary>Completes at once unless more than <see cref="Depth"/> buffers wait to be sent; then when one more has
    /// gone. Throws what the sending failed with. Its continuation never runs on the sender's thread.</summary>
    public Task Paced()
    {
        // Awaited after every row: the common case takes no lock (a buffer more or less in the queue is no harm).
        if (Volatile.Read(ref _backlog) <= Depth && _failure is null)
            return Task.CompletedTask;
        lock (_gate)
        {
            _failure?.Throw();
            return _backlog <= Depth ? Task.CompletedTask : (_room ??= new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Returns once everything queued has been written to the stream; throws what the sending failed with.</summary>
    public async Task Drain()
    {
        _full.Writer.TryComplete();
        await _sending;
        _failure?.Throw();
    }

    /// <summary>Stops sending, dropping what is queued (the COPY is being cancelled).</summary>
    public async Task Abandon()
    {
        _full.Writer.TryComplete();
        await _stop.CancelAsync();
        await _sending;
    }

    private async Task Send()
    {
        try
        {
            await foreach (var (buffer, length) in _full.Reader.ReadAllAsync(_stop.Token))
            {
                await _stream.WriteAsync(buffer.AsMemory(0, length));
                _free.Enqueue(buffer);
                Sent();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _failure = ExceptionDispatchInfo.Capture(e);
                _room?.TrySetException(e);
            }
        }
    }

    private void Sent()
    {
        TaskCompletionSource? room = null;
        lock (_gate)
        {
            if (--_backlog <= Depth)
                (room, _room) = (_room, null);
        }
        room?.TrySetResult();
    }
}
