"""feedback item: service unit (e.g. a residential unit) for the annual report

Revision ID: 3c9a1e5b7d20
Revises: 71f1fd92f31d
Create Date: 2026-11-28

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3c9a1e5b7d20'
down_revision = '71f1fd92f31d'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('feedback_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('service_unit', sa.String(length=60), nullable=True))


def downgrade():
    with op.batch_alter_table('feedback_item', schema=None) as batch_op:
        batch_op.drop_column('service_unit')
