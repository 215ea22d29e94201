"""The billing record table and its read schema for the gateway."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from emergisphere_runtime.db.base import Base, utcnow

# Exact cents on PostgreSQL; never floats for money.
Money = Numeric(12, 2, asdecimal=True)


class BillingRecord(Base):
    """One billing estimate per workflow; a re-run rewrites it in place."""

    __tablename__ = "billing_records"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    workflow_id: Mapped[str] = mapped_column(String(64), unique=True)
    patient_id: Mapped[str | None] = mapped_column(String(64), index=True)
    encounter_id: Mapped[str | None] = mapped_column(String(64))
    cpt_code: Mapped[str] = mapped_column(String(8))
    level_description: Mapped[str] = mapped_column(String(200))
    charge: Mapped[Decimal] = mapped_column(Money)
    patient_share: Mapped[Decimal] = mapped_column(Money)
    insurer_share: Mapped[Decimal] = mapped_column(Money)
    # estimated or self_pay_estimated
    status: Mapped[str] = mapped_column(String(32))
    payment_requested: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class BillingRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    workflow_id: str
    patient_id: str | None
    encounter_id: str | None
    cpt_code: str
    level_description: str
    charge: Decimal
    patient_share: Decimal
    insurer_share: Decimal
    status: str
    payment_requested: bool
    note: str
    created_at: datetime
    updated_at: datetime
