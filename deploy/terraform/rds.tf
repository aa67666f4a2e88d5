resource "aws_db_subnet_group" "main" {
  name       = local.name
  subnet_ids = aws_subnet.private[*].id

  tags = { Name = local.name }
}

resource "aws_db_parameter_group" "main" {
  name_prefix = "${local.name}-mariadb1011-"
  family      = "mariadb10.11"
  description = "Karina: utf8mb4 throughout, UTC"

  parameter {
    name  = "character_set_server"
    value = "utf8mb4"
  }

  parameter {
    name  = "collation_server"
    value = "utf8mb4_unicode_ci"
  }

  parameter {
    name  = "time_zone"
    value = "UTC"
  }

  # Off by default because the application's KARINA_DB_URL must then ask for TLS (README.md).
  parameter {
    name  = "require_secure_transport"
    value = var.db_require_secure_transport ? "1" : "0"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "main" {
  identifier     = local.name
  engine         = "mariadb"
  engine_version = "10.11"
  instance_class = var.db_instance_class

  allocated_storage     = var.db_allocated_storage_gib
  max_allocated_storage = var.db_max_allocated_storage_gib
  storage_type          = "gp3"
  storage_encrypted     = true

  db_name  = "karina"
  username = "karina_admin"
  # RDS generates the master password and keeps it (and rotates it) in Secrets Manager; it never
  # passes through a variable, the plan or the state.
  manage_master_user_password = true

  multi_az               = true
  db_subnet_group_name   = aws_db_subnet_group.main.name
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = false
  port                   = 3306
  parameter_group_name   = aws_db_parameter_group.main.name

  # Automated backups with this retention give point-in-time recovery to any second inside it.
  backup_retention_period  = var.db_backup_retention_days
  backup_window            = "18:00-19:00"
  maintenance_window       = "sun:19:30-sun:20:30"
  copy_tags_to_snapshot    = true
  delete_automated_backups = false

  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "${local.name}-final"

  auto_minor_version_upgrade      = true
  enabled_cloudwatch_logs_exports = ["error", "slowquery"]
  apply_immediately               = false

  lifecycle {
    prevent_destroy = true
  }
}
