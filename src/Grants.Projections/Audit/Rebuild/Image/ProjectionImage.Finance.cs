using System.Runtime.CompilerServices;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.OrderingClawbacks;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Applications.WritingOffClawbacks;
using Grants.Projections.Audit.Rebuild.Feed;
using Grants.Projections.Finance.Statements;

namespace Grants.Projections.Audit.Rebuild.Image;

internal sealed partial class ProjectionImage
{
    /// <summary>FinanceProjection, step for step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Finance(in ReplayedEvent stored)
    {
        var at = stored.RecordedAt.UtcDateTime;
        switch (stored.Data)
        {
            case TrancheInstructed e:
                _instructions.Instruct(e, at);
                break;
            case PaymentConfirmed e:
                _instructions.Confirm(e, at);
                break;
            case PaymentReturned e:
                _instructions.Return(e, at);
                break;
            case ClawbackOrdered e:
                _clawbacks.Order(e, at);
                break;
            case ClawbackRecovered e:
                _clawbacks.Recover(e, at);
                if (e.Kind == RecoveryKind.Offset)
                    _instructions.Offset(e, at);
                break;
            case ClawbackWrittenOff e:
                _clawbacks.WriteOff(e, at);
                break;
            case StatementLineReconciled e:
                _lines.Record(e, at);
                break;
            case ReconciliationItemResolved e:
                _lines.Resolve(e, at);
                break;
        }
    }
}
