"""kept messages: who dealt with each one, when, any note, and the case it became

Revision ID: ee6b1162f3cc
Revises: 387b53d78a49
Create Date: 2026-12-01 15:17:53.897565

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ee6b1162f3cc'
down_revision = '387b53d78a49'
branch_labels = None
depends_on = None


# Both tables that keep messages for the officers get the same columns (models.KeptForOfficers).
TABLES = ('chat_message', 'inbound_sms')


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True))
            batch_op.add_column(sa.Column('handled_by', sa.String(length=320), nullable=True))
            batch_op.add_column(sa.Column('handled_note', sa.Text(), nullable=True))
            batch_op.add_column(sa.Column('feedback_item_id', sa.Integer(), nullable=True))
            batch_op.create_foreign_key(batch_op.f(f'fk_{table}_feedback_item_id_feedback_item'), 'feedback_item',
                                        ['feedback_item_id'], ['id'])


def downgrade():
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_feedback_item_id_feedback_item'), type_='foreignkey')
            batch_op.drop_column('feedback_item_id')
            batch_op.drop_column('handled_note')
            batch_op.drop_column('handled_by')
            batch_op.drop_column('handled_at')
